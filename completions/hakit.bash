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
            hakit,vrrp)
                cmd="hakit__subcmd__vrrp"
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
            hakit__subcmd__help,vrrp)
                cmd="hakit__subcmd__help__subcmd__vrrp"
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
            hakit__subcmd__help__subcmd__vrrp,run)
                cmd="hakit__subcmd__help__subcmd__vrrp__subcmd__run"
                ;;
            hakit__subcmd__help__subcmd__vrrp,send)
                cmd="hakit__subcmd__help__subcmd__vrrp__subcmd__send"
                ;;
            hakit__subcmd__help__subcmd__vrrp,status)
                cmd="hakit__subcmd__help__subcmd__vrrp__subcmd__status"
                ;;
            hakit__subcmd__help__subcmd__vrrp,watch)
                cmd="hakit__subcmd__help__subcmd__vrrp__subcmd__watch"
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
            hakit__subcmd__vrrp,help)
                cmd="hakit__subcmd__vrrp__subcmd__help"
                ;;
            hakit__subcmd__vrrp,run)
                cmd="hakit__subcmd__vrrp__subcmd__run"
                ;;
            hakit__subcmd__vrrp,send)
                cmd="hakit__subcmd__vrrp__subcmd__send"
                ;;
            hakit__subcmd__vrrp,status)
                cmd="hakit__subcmd__vrrp__subcmd__status"
                ;;
            hakit__subcmd__vrrp,watch)
                cmd="hakit__subcmd__vrrp__subcmd__watch"
                ;;
            hakit__subcmd__vrrp__subcmd__help,help)
                cmd="hakit__subcmd__vrrp__subcmd__help__subcmd__help"
                ;;
            hakit__subcmd__vrrp__subcmd__help,run)
                cmd="hakit__subcmd__vrrp__subcmd__help__subcmd__run"
                ;;
            hakit__subcmd__vrrp__subcmd__help,send)
                cmd="hakit__subcmd__vrrp__subcmd__help__subcmd__send"
                ;;
            hakit__subcmd__vrrp__subcmd__help,status)
                cmd="hakit__subcmd__vrrp__subcmd__help__subcmd__status"
                ;;
            hakit__subcmd__vrrp__subcmd__help,watch)
                cmd="hakit__subcmd__vrrp__subcmd__help__subcmd__watch"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        hakit)
            opts="-v -q -h -V --log-file --syslog --verbose --quiet --state-dir --help --version vip rs-prep vrrp links help"
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
            opts="vip rs-prep vrrp links help"
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
        hakit__subcmd__help__subcmd__vrrp)
            opts="run status watch send"
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
        hakit__subcmd__help__subcmd__vrrp__subcmd__run)
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
        hakit__subcmd__help__subcmd__vrrp__subcmd__send)
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
        hakit__subcmd__help__subcmd__vrrp__subcmd__status)
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
        hakit__subcmd__help__subcmd__vrrp__subcmd__watch)
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
            opts="-v -q -h --force --log-file --syslog --verbose --quiet --state-dir --help"
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
            opts="-v -q -h --log-file --syslog --verbose --quiet --state-dir --help arp help"
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
            opts="-v -q -h --log-file --syslog --verbose --quiet --state-dir --help up down status help"
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
            opts="-n -v -q -h --vip --defaults --dry-run --log-file --syslog --verbose --quiet --state-dir --help"
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
            opts="-v -q -h --vip --json --log-file --syslog --verbose --quiet --state-dir --help"
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
            opts="-n -v -q -h --vip --label --dry-run --log-file --syslog --verbose --quiet --state-dir --help"
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
            opts="-v -q -h --log-file --syslog --verbose --quiet --state-dir --help add del list garp help"
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
            opts="-v -q -h --dev --label --strict --garp --garp-interval --dad --log-file --syslog --verbose --quiet --state-dir --help"
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
            opts="-v -q -h --dev --strict --log-file --syslog --verbose --quiet --state-dir --help"
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
            opts="-c -i -v -q -h --dev --count --interval --repeat-after --force --log-file --syslog --verbose --quiet --state-dir --help"
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
            opts="-v -q -h --dev --json --log-file --syslog --verbose --quiet --state-dir --help"
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
        hakit__subcmd__vrrp)
            opts="-v -q -h --log-file --syslog --verbose --quiet --state-dir --help run status watch send help"
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
        hakit__subcmd__vrrp__subcmd__help)
            opts="run status watch send help"
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
        hakit__subcmd__vrrp__subcmd__help__subcmd__help)
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
        hakit__subcmd__vrrp__subcmd__help__subcmd__run)
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
        hakit__subcmd__vrrp__subcmd__help__subcmd__send)
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
        hakit__subcmd__vrrp__subcmd__help__subcmd__status)
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
        hakit__subcmd__vrrp__subcmd__help__subcmd__watch)
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
        hakit__subcmd__vrrp__subcmd__run)
            opts="-i -p -v -q -h --interface --vrid --version --advert-int --vip --auth-pass --priority --name --label --unicast-peer --unicast-src --nopreempt --preempt-delay --track-script --track-interval --track-timeout --track-weight --track-fall --track-rise --track-interface --track-file --track-file-weight --notify --notify-master --notify-backup --notify-fault --notify-stop --garp-count --garp-delay --log-file --syslog --verbose --quiet --state-dir --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -i)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --vrid)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --version)
                    COMPREPLY=($(compgen -W "2 3" -- "${cur}"))
                    return 0
                    ;;
                --advert-int)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --vip)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --auth-pass)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --priority)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --label)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --unicast-peer)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --unicast-src)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --preempt-delay)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --track-script)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --track-interval)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --track-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --track-weight)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --track-fall)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --track-rise)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --track-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --track-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --track-file-weight)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --notify)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --notify-master)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --notify-backup)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --notify-fault)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --notify-stop)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --garp-count)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --garp-delay)
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
        hakit__subcmd__vrrp__subcmd__send)
            opts="-i -p -v -q -h --interface --vrid --version --advert-int --vip --auth-pass --priority --dst --src --log-file --syslog --verbose --quiet --state-dir --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -i)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --vrid)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --version)
                    COMPREPLY=($(compgen -W "2 3" -- "${cur}"))
                    return 0
                    ;;
                --advert-int)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --vip)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --auth-pass)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --priority)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dst)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --src)
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
        hakit__subcmd__vrrp__subcmd__status)
            opts="-v -q -h --name --json --log-file --syslog --verbose --quiet --state-dir --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
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
        hakit__subcmd__vrrp__subcmd__watch)
            opts="-i -c -v -q -h --interface --count --duration --json --log-file --syslog --verbose --quiet --state-dir --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -i)
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
                --duration)
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
