_hakit() {
    local i cur prev opts cmd
    COMPREPLY=()
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        cur="$2"
    else
        cur="${COMP_WORDS[COMP_CWORD]}"
    fi
    prev="$3"
    cmd=""
    opts=""

    for i in "${COMP_WORDS[@]:0:COMP_CWORD}"
    do
        case "${cmd},${i}" in
            ",$1")
                cmd="hakit"
                ;;
            hakit,help)
                cmd="hakit__subcmd__help"
                ;;
            hakit,links)
                cmd="hakit__subcmd__links"
                ;;
            hakit,rs-prep)
                cmd="hakit__subcmd__rs__subcmd__prep"
                ;;
            hakit,vip)
                cmd="hakit__subcmd__vip"
                ;;
            hakit__subcmd__help,help)
                cmd="hakit__subcmd__help__subcmd__help"
                ;;
            hakit__subcmd__help,links)
                cmd="hakit__subcmd__help__subcmd__links"
                ;;
            hakit__subcmd__help,rs-prep)
                cmd="hakit__subcmd__help__subcmd__rs__subcmd__prep"
                ;;
            hakit__subcmd__help,vip)
                cmd="hakit__subcmd__help__subcmd__vip"
                ;;
            hakit__subcmd__help__subcmd__rs__subcmd__prep,arp)
                cmd="hakit__subcmd__help__subcmd__rs__subcmd__prep__subcmd__arp"
                ;;
            hakit__subcmd__help__subcmd__rs__subcmd__prep__subcmd__arp,down)
                cmd="hakit__subcmd__help__subcmd__rs__subcmd__prep__subcmd__arp__subcmd__down"
                ;;
            hakit__subcmd__help__subcmd__rs__subcmd__prep__subcmd__arp,status)
                cmd="hakit__subcmd__help__subcmd__rs__subcmd__prep__subcmd__arp__subcmd__status"
                ;;
            hakit__subcmd__help__subcmd__rs__subcmd__prep__subcmd__arp,up)
                cmd="hakit__subcmd__help__subcmd__rs__subcmd__prep__subcmd__arp__subcmd__up"
                ;;
            hakit__subcmd__help__subcmd__vip,add)
                cmd="hakit__subcmd__help__subcmd__vip__subcmd__add"
                ;;
            hakit__subcmd__help__subcmd__vip,del)
                cmd="hakit__subcmd__help__subcmd__vip__subcmd__del"
                ;;
            hakit__subcmd__help__subcmd__vip,garp)
                cmd="hakit__subcmd__help__subcmd__vip__subcmd__garp"
                ;;
            hakit__subcmd__help__subcmd__vip,list)
                cmd="hakit__subcmd__help__subcmd__vip__subcmd__list"
                ;;
            hakit__subcmd__rs__subcmd__prep,arp)
                cmd="hakit__subcmd__rs__subcmd__prep__subcmd__arp"
                ;;
            hakit__subcmd__rs__subcmd__prep,help)
                cmd="hakit__subcmd__rs__subcmd__prep__subcmd__help"
                ;;
            hakit__subcmd__rs__subcmd__prep__subcmd__arp,down)
                cmd="hakit__subcmd__rs__subcmd__prep__subcmd__arp__subcmd__down"
                ;;
            hakit__subcmd__rs__subcmd__prep__subcmd__arp,help)
                cmd="hakit__subcmd__rs__subcmd__prep__subcmd__arp__subcmd__help"
                ;;
            hakit__subcmd__rs__subcmd__prep__subcmd__arp,status)
                cmd="hakit__subcmd__rs__subcmd__prep__subcmd__arp__subcmd__status"
                ;;
            hakit__subcmd__rs__subcmd__prep__subcmd__arp,up)
                cmd="hakit__subcmd__rs__subcmd__prep__subcmd__arp__subcmd__up"
                ;;
            hakit__subcmd__rs__subcmd__prep__subcmd__arp__subcmd__help,down)
                cmd="hakit__subcmd__rs__subcmd__prep__subcmd__arp__subcmd__help__subcmd__down"
                ;;
            hakit__subcmd__rs__subcmd__prep__subcmd__arp__subcmd__help,help)
                cmd="hakit__subcmd__rs__subcmd__prep__subcmd__arp__subcmd__help__subcmd__help"
                ;;
            hakit__subcmd__rs__subcmd__prep__subcmd__arp__subcmd__help,status)
                cmd="hakit__subcmd__rs__subcmd__prep__subcmd__arp__subcmd__help__subcmd__status"
                ;;
            hakit__subcmd__rs__subcmd__prep__subcmd__arp__subcmd__help,up)
                cmd="hakit__subcmd__rs__subcmd__prep__subcmd__arp__subcmd__help__subcmd__up"
                ;;
            hakit__subcmd__rs__subcmd__prep__subcmd__help,arp)
                cmd="hakit__subcmd__rs__subcmd__prep__subcmd__help__subcmd__arp"
                ;;
            hakit__subcmd__rs__subcmd__prep__subcmd__help,help)
                cmd="hakit__subcmd__rs__subcmd__prep__subcmd__help__subcmd__help"
                ;;
            hakit__subcmd__rs__subcmd__prep__subcmd__help__subcmd__arp,down)
                cmd="hakit__subcmd__rs__subcmd__prep__subcmd__help__subcmd__arp__subcmd__down"
                ;;
            hakit__subcmd__rs__subcmd__prep__subcmd__help__subcmd__arp,status)
                cmd="hakit__subcmd__rs__subcmd__prep__subcmd__help__subcmd__arp__subcmd__status"
                ;;
            hakit__subcmd__rs__subcmd__prep__subcmd__help__subcmd__arp,up)
                cmd="hakit__subcmd__rs__subcmd__prep__subcmd__help__subcmd__arp__subcmd__up"
                ;;
            hakit__subcmd__vip,add)
                cmd="hakit__subcmd__vip__subcmd__add"
                ;;
            hakit__subcmd__vip,del)
                cmd="hakit__subcmd__vip__subcmd__del"
                ;;
            hakit__subcmd__vip,garp)
                cmd="hakit__subcmd__vip__subcmd__garp"
                ;;
            hakit__subcmd__vip,help)
                cmd="hakit__subcmd__vip__subcmd__help"
                ;;
            hakit__subcmd__vip,list)
                cmd="hakit__subcmd__vip__subcmd__list"
                ;;
            hakit__subcmd__vip__subcmd__help,add)
                cmd="hakit__subcmd__vip__subcmd__help__subcmd__add"
                ;;
            hakit__subcmd__vip__subcmd__help,del)
                cmd="hakit__subcmd__vip__subcmd__help__subcmd__del"
                ;;
            hakit__subcmd__vip__subcmd__help,garp)
                cmd="hakit__subcmd__vip__subcmd__help__subcmd__garp"
                ;;
            hakit__subcmd__vip__subcmd__help,help)
                cmd="hakit__subcmd__vip__subcmd__help__subcmd__help"
                ;;
            hakit__subcmd__vip__subcmd__help,list)
                cmd="hakit__subcmd__vip__subcmd__help__subcmd__list"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        hakit)
            opts="-v -q -h -V --log-file --syslog --verbose --quiet --state-dir --help --version vip rs-prep links help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --log-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__help)
            opts="vip rs-prep links help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__help__subcmd__links)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__help__subcmd__rs__subcmd__prep)
            opts="arp"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__help__subcmd__rs__subcmd__prep__subcmd__arp)
            opts="up down status"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__help__subcmd__rs__subcmd__prep__subcmd__arp__subcmd__down)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__help__subcmd__rs__subcmd__prep__subcmd__arp__subcmd__status)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__help__subcmd__rs__subcmd__prep__subcmd__arp__subcmd__up)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__help__subcmd__vip)
            opts="add del list garp"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__help__subcmd__vip__subcmd__add)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__help__subcmd__vip__subcmd__del)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__help__subcmd__vip__subcmd__garp)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__help__subcmd__vip__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__links)
            opts="-v -q -h -V --force --log-file --syslog --verbose --quiet --state-dir --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --log-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__rs__subcmd__prep)
            opts="-v -q -h -V --log-file --syslog --verbose --quiet --state-dir --help --version arp help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --log-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__rs__subcmd__prep__subcmd__arp)
            opts="-v -q -h -V --log-file --syslog --verbose --quiet --state-dir --help --version up down status help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --log-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__rs__subcmd__prep__subcmd__arp__subcmd__down)
            opts="-n -v -q -h -V --vip --defaults --dry-run --log-file --syslog --verbose --quiet --state-dir --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --vip)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --log-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__rs__subcmd__prep__subcmd__arp__subcmd__help)
            opts="up down status help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__rs__subcmd__prep__subcmd__arp__subcmd__help__subcmd__down)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__rs__subcmd__prep__subcmd__arp__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__rs__subcmd__prep__subcmd__arp__subcmd__help__subcmd__status)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__rs__subcmd__prep__subcmd__arp__subcmd__help__subcmd__up)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__rs__subcmd__prep__subcmd__arp__subcmd__status)
            opts="-v -q -h -V --vip --json --log-file --syslog --verbose --quiet --state-dir --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --vip)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --log-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__rs__subcmd__prep__subcmd__arp__subcmd__up)
            opts="-n -v -q -h -V --vip --label --dry-run --log-file --syslog --verbose --quiet --state-dir --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --vip)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --label)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --log-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__rs__subcmd__prep__subcmd__help)
            opts="arp help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__rs__subcmd__prep__subcmd__help__subcmd__arp)
            opts="up down status"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__rs__subcmd__prep__subcmd__help__subcmd__arp__subcmd__down)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__rs__subcmd__prep__subcmd__help__subcmd__arp__subcmd__status)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__rs__subcmd__prep__subcmd__help__subcmd__arp__subcmd__up)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__rs__subcmd__prep__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__vip)
            opts="-v -q -h -V --log-file --syslog --verbose --quiet --state-dir --help --version add del list garp help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --log-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__vip__subcmd__add)
            opts="-v -q -h -V --dev --label --strict --garp --garp-interval --dad --log-file --syslog --verbose --quiet --state-dir --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --dev)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --label)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --garp)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --garp-interval)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --log-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__vip__subcmd__del)
            opts="-v -q -h -V --dev --strict --log-file --syslog --verbose --quiet --state-dir --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --dev)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --log-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__vip__subcmd__garp)
            opts="-c -i -v -q -h -V --dev --count --interval --repeat-after --force --log-file --syslog --verbose --quiet --state-dir --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --dev)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --count)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --interval)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -i)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --repeat-after)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --log-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__vip__subcmd__help)
            opts="add del list garp help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__vip__subcmd__help__subcmd__add)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__vip__subcmd__help__subcmd__del)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__vip__subcmd__help__subcmd__garp)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__vip__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__vip__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hakit__subcmd__vip__subcmd__list)
            opts="-v -q -h -V --dev --json --log-file --syslog --verbose --quiet --state-dir --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --dev)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --log-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _hakit -o nosort -o bashdefault -o default hakit
else
    complete -F _hakit -o bashdefault -o default hakit
fi
