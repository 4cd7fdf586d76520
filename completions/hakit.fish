# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_hakit_global_optspecs
    string join \n log-file= syslog v/verbose q/quiet state-dir= h/help V/version
end

function __fish_hakit_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_hakit_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_hakit_using_subcommand
    set -l cmd (__fish_hakit_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c hakit -n "__fish_hakit_needs_command" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_needs_command" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_needs_command" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_needs_command" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_needs_command" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hakit -n "__fish_hakit_needs_command" -s V -l version -d 'Print version'
complete -c hakit -n "__fish_hakit_needs_command" -f -a "vip" -d 'Add, remove, list and announce virtual IP addresses (rtnetlink)'
complete -c hakit -n "__fish_hakit_needs_command" -f -a "rs-prep" -d 'Prepare a real server for LVS-DR/TUN, and undo it'
complete -c hakit -n "__fish_hakit_needs_command" -f -a "vrrp" -d 'A VRRP v2/v3 speaker, wire-compatible with keepalived, and tools to inspect and test failover'
complete -c hakit -n "__fish_hakit_needs_command" -f -a "ipvs" -d 'Virtual services and real servers in the kernel\'s IPVS table (ipvsadm\'s feature set)'
complete -c hakit -n "__fish_hakit_needs_command" -f -a "nft" -d 'Virtual services and real servers in nftables, for kernels without IPVS'
complete -c hakit -n "__fish_hakit_needs_command" -f -a "bgp" -d 'Announce VIPs to the routers over BGP, through BIRD 2 (Debian\'s bird2)'
complete -c hakit -n "__fish_hakit_needs_command" -f -a "metrics" -d 'Print the Prometheus metrics of every hakit daemon whose state is in --state-dir, once'
complete -c hakit -n "__fish_hakit_needs_command" -f -a "check" -d 'Health checks with keepalived\'s semantics: exit 0 healthy, 1 unhealthy, 2 usage'
complete -c hakit -n "__fish_hakit_needs_command" -f -a "lb" -d 'Health-checked virtual services: keepalived\'s checker loop as one command'
complete -c hakit -n "__fish_hakit_needs_command" -f -a "sync" -d 'Content sync with the real rsync: push or pull for cron, or watch a directory and push every change to every target (sersync)'
complete -c hakit -n "__fish_hakit_needs_command" -f -a "conf" -d 'keepalived.conf compatibility: check a file, or print it as a hakit composition'
complete -c hakit -n "__fish_hakit_needs_command" -f -a "links" -d 'Install symlinks `hakit-GROUP` -> this binary in DIR (idempotent)'
complete -c hakit -n "__fish_hakit_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and not __fish_seen_subcommand_from add del list garp help" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand vip; and not __fish_seen_subcommand_from add del list garp help" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand vip; and not __fish_seen_subcommand_from add del list garp help" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and not __fish_seen_subcommand_from add del list garp help" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and not __fish_seen_subcommand_from add del list garp help" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and not __fish_seen_subcommand_from add del list garp help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and not __fish_seen_subcommand_from add del list garp help" -f -a "add" -d 'Add a VIP to an interface, optionally announcing it'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and not __fish_seen_subcommand_from add del list garp help" -f -a "del" -d 'Remove a VIP from an interface (absent already: success, unless --strict)'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and not __fish_seen_subcommand_from add del list garp help" -f -a "list" -d 'List addresses, of one interface or all, in `ip`\'s address syntax'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and not __fish_seen_subcommand_from add del list garp help" -f -a "garp" -d 'Send gratuitous ARP (IPv4) or unsolicited neighbour advertisements (IPv6) for a VIP'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and not __fish_seen_subcommand_from add del list garp help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from add" -l dev -d 'The interface (same as the `dev IF` words)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from add" -l label -d 'IPv4 label: the interface name or IF:SUFFIX, at most 15 characters' -r
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from add" -l garp -d 'Then send COUNT gratuitous ARPs (IPv4) or unsolicited neighbour advertisements (IPv6)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from add" -l garp-interval -d 'Pause between announcements (e.g. 100ms, 1s)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from add" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from add" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from add" -l strict -d 'Fail (exit 1) when the address is already on the interface'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from add" -l dad -d 'Keep IPv6 duplicate address detection on'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from add" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from del" -l dev -d 'The interface (same as the `dev IF` words)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from del" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from del" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from del" -l strict -d 'Fail (exit 1) when the address is not on the interface'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from del" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from del" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from del" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from del" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from list" -l dev -d 'The interface (same as the `dev IF` words)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from list" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from list" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from list" -l json -d 'Print JSON (field names as in `ip -j addr`)'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from list" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from garp" -l dev -d 'The interface (same as the `dev IF` words)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from garp" -s c -l count -d 'Frames per burst' -r
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from garp" -s i -l interval -d 'Pause between frames of a burst' -r
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from garp" -l repeat-after -d 'Send a second burst this long after the first (keepalived: 5s)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from garp" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from garp" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from garp" -l force -d 'Announce even when the address is not on the interface'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from garp" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from garp" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from garp" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from garp" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a VIP to an interface, optionally announcing it'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from help" -f -a "del" -d 'Remove a VIP from an interface (absent already: success, unless --strict)'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from help" -f -a "list" -d 'List addresses, of one interface or all, in `ip`\'s address syntax'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from help" -f -a "garp" -d 'Send gratuitous ARP (IPv4) or unsolicited neighbour advertisements (IPv6) for a VIP'
complete -c hakit -n "__fish_hakit_using_subcommand vip; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hakit -n "__fish_hakit_using_subcommand rs-prep; and not __fish_seen_subcommand_from arp help" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand rs-prep; and not __fish_seen_subcommand_from arp help" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand rs-prep; and not __fish_seen_subcommand_from arp help" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand rs-prep; and not __fish_seen_subcommand_from arp help" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand rs-prep; and not __fish_seen_subcommand_from arp help" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand rs-prep; and not __fish_seen_subcommand_from arp help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hakit -n "__fish_hakit_using_subcommand rs-prep; and not __fish_seen_subcommand_from arp help" -f -a "arp" -d 'The ARP sysctls and loopback VIPs of LVS-DR (seed rs.sh start/stop/status)'
complete -c hakit -n "__fish_hakit_using_subcommand rs-prep; and not __fish_seen_subcommand_from arp help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hakit -n "__fish_hakit_using_subcommand rs-prep; and __fish_seen_subcommand_from arp" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand rs-prep; and __fish_seen_subcommand_from arp" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand rs-prep; and __fish_seen_subcommand_from arp" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand rs-prep; and __fish_seen_subcommand_from arp" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand rs-prep; and __fish_seen_subcommand_from arp" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand rs-prep; and __fish_seen_subcommand_from arp" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand rs-prep; and __fish_seen_subcommand_from arp" -f -a "up" -d 'Prepare: sysctls, then VIPs on lo. Re-running changes nothing'
complete -c hakit -n "__fish_hakit_using_subcommand rs-prep; and __fish_seen_subcommand_from arp" -f -a "down" -d 'Undo: VIPs off lo, then the recorded sysctl values back. Re-running says there is nothing to undo (exit 0; 1 with --strict)'
complete -c hakit -n "__fish_hakit_using_subcommand rs-prep; and __fish_seen_subcommand_from arp" -f -a "status" -d 'Exit 0 when fully prepared for the VIPs, 1 otherwise, saying what is missing'
complete -c hakit -n "__fish_hakit_using_subcommand rs-prep; and __fish_seen_subcommand_from arp" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hakit -n "__fish_hakit_using_subcommand rs-prep; and __fish_seen_subcommand_from help" -f -a "arp" -d 'The ARP sysctls and loopback VIPs of LVS-DR (seed rs.sh start/stop/status)'
complete -c hakit -n "__fish_hakit_using_subcommand rs-prep; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and not __fish_seen_subcommand_from run status watch send help" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and not __fish_seen_subcommand_from run status watch send help" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and not __fish_seen_subcommand_from run status watch send help" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and not __fish_seen_subcommand_from run status watch send help" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and not __fish_seen_subcommand_from run status watch send help" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and not __fish_seen_subcommand_from run status watch send help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and not __fish_seen_subcommand_from run status watch send help" -f -a "run" -d 'Run one VRRP instance until SIGTERM or SIGINT'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and not __fish_seen_subcommand_from run status watch send help" -f -a "status" -d 'Show running instances from their state files (exit 1 when none runs)'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and not __fish_seen_subcommand_from run status watch send help" -f -a "watch" -d 'Decode every VRRP packet seen on an interface: who claims what, split brain at a glance'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and not __fish_seen_subcommand_from run status watch send help" -f -a "send" -d 'Send one crafted advertisement: a protocol test tool'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and not __fish_seen_subcommand_from run status watch send help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l config -d 'Run the vrrp_instances of a keepalived.conf (several per process; SIGHUP reloads, keeping unchanged instances running, and those whose addresses or priority alone changed in their state; another change restarts the instance). The instance flags are then not used. The members of a vrrp_sync_group move together, by keepalived\'s rules: the group goes MASTER only when every member\'s master is down, a member that yields to a higher-priority master takes the others to BACKUP, and a fault of one is a fault of all (a member that cannot start counts as one). The group\'s notify gets `GROUP <name> <state> 0` appended: its state at start, each move, STOP at the end' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l instance -d 'With --config: only this instance (repeatable)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l metrics-listen -d 'Serve Prometheus metrics at /metrics (keepalived-exporter\'s names and labels), the state at /status (as `status --json`) and /healthz (200 while the loop turns) over HTTP on ADDR:PORT; a bare PORT or :PORT is on loopback. Off by default. A port in use or an address not on this host ends the command at once (exit 2)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -s i -l interface -d 'Interface to speak VRRP on (required without --config)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l vrid -d 'Virtual router ID, 1-255 (required without --config)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l version -d 'VRRP version' -r -f -a "2\t''
3\t''"
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l advert-int -d 'Advertisement interval in seconds (v2: whole seconds; v3: 0.01-40.95)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l vip -d 'A virtual IP with its prefix (repeatable; at least one without --config), e.g. 192.168.139.100/24' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l auth-pass -d 'VRRPv2 simple password (auth_type PASS), at most 8 bytes. A flag is seen in process lists and shell history: prefer --auth-pass-file or the environment variable, which hakit takes out of the environment of every command it starts' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l auth-pass-file -d 'Read the VRRPv2 password from FILE (its first line; a file others can read is warned about)' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -s p -l priority -d 'Priority 1-254 (255 only for the owner of the VIP addresses)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l name -d 'Instance name for notify arguments, logs and `vrrp status`' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l label -d 'IPv4 label for the VIPs, e.g. eth0:0' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l use-vmac -d 'Carry the VIPs on a macvlan of the interface with the virtual router MAC 00:00:5e:00:01:VRID (IPv6 00:00:5e:00:02:VRID), named NAME or vrrp.VRID (keepalived\'s use_vmac): clients\' neighbour entries never change on failover. It is made at start (private mode, up in every state) with keepalived\'s sysctls (on it arp_ignore 1, accept_local 1, rp_filter 0, promote_secondaries 1; on the interface arp_ignore 1 and arp_filter 1; all.rp_filter 0, the other interfaces raised to its old value first), and deleted at stop, the interface\'s values put back. The interface must be Ethernet' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l virtual-route -d 'A route added after the VIPs on becoming MASTER and removed on leaving it (keepalived\'s virtual_routes; repeatable), in ip\'s syntax: \'[TYPE] DST [via GW] [dev IF] [src ADDR] [table T] [metric N] [scope S] [proto P] [onlink] [nexthop via GW dev IF weight W ...]\'. Routes carry `proto keepalived` unless `no_track` (or proto) is given. One the kernel refuses is logged, with the instance, and the others are applied' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l virtual-rule -d 'A policy rule that follows mastership like --virtual-route (keepalived\'s virtual_rules; repeatable): \'[not] [from P] [to P] table T|goto N|blackhole|... [priority N] [fwmark M[/MASK]] [iif IF] [oif IF] [uidrange A-B] [ipproto P] [sport N[-M]] [dport N[-M]]\'' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l unicast-peer -d 'Send to these peers instead of the multicast group (repeatable)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l unicast-ttl -d 'TTL (hop limit) of unicast adverts (keepalived\'s unicast_ttl; a unicast advert is accepted whatever its TTL, as keepalived accepts it)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l mcast-group -d 'Advertise to this multicast group instead of 224.0.0.18 / ff02::12 (keepalived\'s vrrp_mcast_group4/6)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l vip-excluded -d 'An address added and removed with the VIPs but not advertised, of either family (keepalived\'s virtual_ipaddress_excluded; repeatable)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l unicast-src -d 'Source address for advertisements (default: the interface\'s primary address)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l preempt-delay -d 'Wait this long after start-up before preempting (e.g. 5s)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l track-script -d 'A command whose exit status tracks health (repeatable; all share the options below)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l track-interval -d 'How often to run each track script' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l track-timeout -d 'Kill a track script (and its children) after this long; counts as a failure' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l track-weight -d 'Priority change: negative is subtracted while failing, positive added while succeeding, 0 means FAULT while failing' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l track-fall -d 'Consecutive failures before a script counts as failing' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l track-rise -d 'Consecutive successes before a script counts as succeeding again' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l track-interface -d 'Go to FAULT while this interface is down (repeatable); with --track-interface-weight, move the priority instead' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l track-interface-weight -d 'Weight of the tracked interfaces, as keepalived\'s `track_interface { IF weight N }`: negative is subtracted while an interface is down, positive added while it is up; 0 means FAULT while down' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l track-file -d 'Track a file holding an integer: priority += value x --track-file-weight; with weight 0 a non-zero value means FAULT (keepalived\'s track_file; repeatable)' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l track-file-weight -d 'Weight of the tracked files' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l track-process -d 'Track a process by name (its comm, as ps -o comm shows it) or, with a \'/\', by the command\'s path (argv[0]); it is up while at least one runs (keepalived\'s vrrp_track_process; repeatable; quorum, parameters and delays in the file). The kernel\'s proc connector reports processes as they start and end; inside a network namespace other than the first, where it refuses, /proc is read instead, at most every 0.5 s, only new processes\' entries read' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l track-process-weight -d 'Weight of the tracked processes: 0 (the default) means FAULT while none runs; negative is subtracted while none runs, positive added while one does' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l notify -d 'Run CMD with `INSTANCE name STATE priority` appended on every transition' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l notify-master -d 'Run CMD (with no arguments added) on becoming MASTER (keepalived\'s notify_master)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l notify-backup -d 'Run CMD on becoming BACKUP (notify_backup)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l notify-fault -d 'Run CMD on entering FAULT (notify_fault)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l notify-stop -d 'Run CMD as the instance stops (notify_stop)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l notify-fifo -d 'Write every notification to this FIFO as a line, `INSTANCE "VI_1" MASTER 100` (keepalived\'s vrrp_notify_fifo): created if missing (mode 0600) and removed at exit, never blocking VRRP (lines wait in the pipe until a reader comes); a path that is not a FIFO of this user is refused at start' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l notify-fifo-script -d 'Start CMD with the FIFO\'s path appended to read it (keepalived\'s vrrp_notify_fifo_script)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l mail-to -d 'Mail every change of state to this address, in keepalived\'s format (repeatable)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l mail-from -d 'Sender of the mails (default: hakit@HOSTNAME)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l smtp-server -d 'SMTP server ADDR[:PORT] (port 25 by default)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l router-id -d 'Names this node in mail subjects (default: the host name)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l garp-count -d 'Gratuitous ARPs per burst on becoming master' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l garp-delay -d 'Delay of the second burst (0 for none)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l garp-interval -d 'Pause between gratuitous ARPs (and NAs) of a burst, sent without holding VRRP (keepalived\'s vrrp_garp_interval; 0: all at once)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l garp-refresh -d 'While master, announce the VIPs again this often (keepalived\'s garp_master_refresh, which is off by default; 0: never). Brings back clients left on the MAC of a loser that yielded without a word (keepalived 2.2.7 as the loser of a healed partition, mostly)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l garp-refresh-repeat -d 'Gratuitous ARPs per VIP at each refresh' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l garp-lower-prio-repeat -d 'A master that hears a lower-priority one sends this many gratuitous ARPs per VIP, so clients that followed the other side of a split brain come back (keepalived\'s garp_lower_prio_repeat; default --garp-count; 0: none) ...' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l garp-lower-prio-delay -d '... and as many again after this long (default --garp-delay; 0: no second set)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l no-statics -d 'With --config: leave the file\'s static_ipaddress, static_routes and static_rules alone (set once elsewhere, as `conf plan` does, when several processes run from one file: each would take them away at its exit)'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l no-accept -d 'Accept mode off (RFC 5798\'s no_accept, keepalived\'s no_accept): while MASTER without owning the VIPs, drop what is addressed to them (and what leaves from them), by nftables rules in hakit\'s own table inet hakit_vrrp, which holds the VIPs of the no_accept masters of this host and nothing else'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l vmac-xmit-base -d 'With --use-vmac: adverts leave from the interface under it, with its own MAC (keepalived\'s vmac_xmit_base)'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l nopreempt -d 'Never preempt a lower-priority master'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l dont-track-primary -d 'The instance\'s own interface going down is not a fault (keepalived\'s dont_track_primary): it waits, as backup, for the link to return'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l notify-priority-changes -d 'Also write `INSTANCE "VI_1" MASTER_PRIORITY 90` (or BACKUP_PRIORITY) to the FIFO when the effective priority changes'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from status" -l name -d 'One instance by name (default: all)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from status" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from status" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from status" -l json
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from status" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from watch" -s i -l interface -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from watch" -s c -l count -d 'Stop after N packets' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from watch" -l duration -d 'Stop after this long' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from watch" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from watch" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from watch" -l json -d 'One JSON object per line'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from watch" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from watch" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from watch" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from watch" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from send" -l version -d 'VRRP version' -r -f -a "2\t''
3\t''"
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from send" -l advert-int -d 'Advertisement interval in seconds (v2: whole seconds; v3: 0.01-40.95)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from send" -l auth-pass -d 'VRRPv2 simple password (auth_type PASS), at most 8 bytes. A flag is seen in process lists and shell history: prefer --auth-pass-file or the environment variable, which hakit takes out of the environment of every command it starts' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from send" -l auth-pass-file -d 'Read the VRRPv2 password from FILE (its first line; a file others can read is warned about)' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from send" -s p -l priority -d 'Priority to advertise, 0-255' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from send" -l dst -d 'Send to this address instead of the group (224.0.0.18 or ff02::12)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from send" -l src -d 'Source address (default: the interface\'s primary IPv4 or link-local IPv6 address)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from send" -s i -l interface -d 'Interface to send on (required)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from send" -l vrid -d 'Virtual router ID, 1-255 (required)' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from send" -l vip -d 'A virtual IP the advert lists (repeatable; at least one), e.g. 192.168.139.100/24' -r
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from send" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from send" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from send" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from send" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from send" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from send" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from help" -f -a "run" -d 'Run one VRRP instance until SIGTERM or SIGINT'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show running instances from their state files (exit 1 when none runs)'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from help" -f -a "watch" -d 'Decode every VRRP packet seen on an interface: who claims what, split brain at a glance'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from help" -f -a "send" -d 'Send one crafted advertisement: a protocol test tool'
complete -c hakit -n "__fish_hakit_using_subcommand vrrp; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and not __fish_seen_subcommand_from list save service real restore flush zero timeout info sync-daemon help" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and not __fish_seen_subcommand_from list save service real restore flush zero timeout info sync-daemon help" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and not __fish_seen_subcommand_from list save service real restore flush zero timeout info sync-daemon help" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and not __fish_seen_subcommand_from list save service real restore flush zero timeout info sync-daemon help" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and not __fish_seen_subcommand_from list save service real restore flush zero timeout info sync-daemon help" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and not __fish_seen_subcommand_from list save service real restore flush zero timeout info sync-daemon help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and not __fish_seen_subcommand_from list save service real restore flush zero timeout info sync-daemon help" -f -a "list" -d 'List services and real servers (ipvsadm -Ln)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and not __fish_seen_subcommand_from list save service real restore flush zero timeout info sync-daemon help" -f -a "save" -d 'Print the table as rules that `ipvsadm -R` and `restore` read back (ipvsadm -S -n)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and not __fish_seen_subcommand_from list save service real restore flush zero timeout info sync-daemon help" -f -a "service" -d 'Add, edit or delete a virtual service'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and not __fish_seen_subcommand_from list save service real restore flush zero timeout info sync-daemon help" -f -a "real" -d 'Add, edit or delete a real server of a service'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and not __fish_seen_subcommand_from list save service real restore flush zero timeout info sync-daemon help" -f -a "restore" -d 'Apply rules in ipvsadm -S format, pipelined (ipvsadm -R)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and not __fish_seen_subcommand_from list save service real restore flush zero timeout info sync-daemon help" -f -a "flush" -d 'Delete every service (ipvsadm -C)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and not __fish_seen_subcommand_from list save service real restore flush zero timeout info sync-daemon help" -f -a "zero" -d 'Zero the counters of one service or of all (ipvsadm -Z)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and not __fish_seen_subcommand_from list save service real restore flush zero timeout info sync-daemon help" -f -a "timeout" -d 'Show or set the connection timeouts (ipvsadm --timeout / --set)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and not __fish_seen_subcommand_from list save service real restore flush zero timeout info sync-daemon help" -f -a "info" -d 'IPVS version and connection table size'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and not __fish_seen_subcommand_from list save service real restore flush zero timeout info sync-daemon help" -f -a "sync-daemon" -d 'Start, stop or list the connection sync daemons (ipvsadm --start-daemon ...)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and not __fish_seen_subcommand_from list save service real restore flush zero timeout info sync-daemon help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from list" -s t -l tcp-service -d 'TCP service ADDR:PORT ([ADDR]:PORT for IPv6)' -r
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from list" -s u -l udp-service -d 'UDP service ADDR:PORT' -r
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from list" -l sctp-service -d 'SCTP service ADDR:PORT' -r
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from list" -s f -l fwmark-service -d 'Firewall-mark service' -r
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from list" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from list" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from list" -s 6 -l ipv6 -d 'The firewall-mark service is IPv6'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from list" -l stats -d 'Counters: connections, packets and bytes'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from list" -l rate -d 'Rates: connections, packets and bytes per second'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from list" -l thresholds -d 'Upper and lower connection thresholds'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from list" -l persistent-conn -d 'Persistent connections'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from list" -s x -l exact -d 'Exact numbers instead of K/M/G abbreviations'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from list" -l json -d 'Print JSON'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from list" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from save" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from save" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from save" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from save" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from save" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from save" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from service" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from service" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from service" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from service" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from service" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from service" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from service" -f -a "add" -d 'Add a virtual service (ipvsadm -A)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from service" -f -a "edit" -d 'Change a virtual service (ipvsadm -E)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from service" -f -a "del" -d 'Delete a virtual service and its real servers (ipvsadm -D)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from service" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from real" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from real" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from real" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from real" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from real" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from real" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from real" -f -a "add" -d 'Add a real server (ipvsadm -a)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from real" -f -a "edit" -d 'Change a real server (ipvsadm -e)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from real" -f -a "del" -d 'Delete a real server (ipvsadm -d)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from real" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from restore" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from restore" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from restore" -l continue -d 'Skip rules that fail and apply the rest'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from restore" -l json -d 'Print a JSON report'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from restore" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from restore" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from restore" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from flush" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from flush" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from flush" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from flush" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from flush" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from flush" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from zero" -s t -l tcp-service -d 'TCP service ADDR:PORT ([ADDR]:PORT for IPv6)' -r
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from zero" -s u -l udp-service -d 'UDP service ADDR:PORT' -r
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from zero" -l sctp-service -d 'SCTP service ADDR:PORT' -r
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from zero" -s f -l fwmark-service -d 'Firewall-mark service' -r
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from zero" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from zero" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from zero" -s 6 -l ipv6 -d 'The firewall-mark service is IPv6'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from zero" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from zero" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from zero" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from zero" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from timeout" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from timeout" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from timeout" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from timeout" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from timeout" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from timeout" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from timeout" -f -a "get" -d 'Print the timeouts (ipvsadm -L --timeout)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from timeout" -f -a "set" -d 'Set TCP, TCP FIN and UDP timeouts in seconds; 0 leaves one unchanged (ipvsadm --set)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from timeout" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from info" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from info" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from info" -l json
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from info" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from info" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from info" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from info" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from sync-daemon" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from sync-daemon" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from sync-daemon" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from sync-daemon" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from sync-daemon" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from sync-daemon" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from sync-daemon" -f -a "start" -d 'Start a master or backup sync daemon'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from sync-daemon" -f -a "stop" -d 'Stop the master or backup sync daemon'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from sync-daemon" -f -a "list" -d 'List running sync daemons (ipvsadm -L --daemon)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from sync-daemon" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from help" -f -a "list" -d 'List services and real servers (ipvsadm -Ln)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from help" -f -a "save" -d 'Print the table as rules that `ipvsadm -R` and `restore` read back (ipvsadm -S -n)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from help" -f -a "service" -d 'Add, edit or delete a virtual service'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from help" -f -a "real" -d 'Add, edit or delete a real server of a service'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Apply rules in ipvsadm -S format, pipelined (ipvsadm -R)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from help" -f -a "flush" -d 'Delete every service (ipvsadm -C)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from help" -f -a "zero" -d 'Zero the counters of one service or of all (ipvsadm -Z)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from help" -f -a "timeout" -d 'Show or set the connection timeouts (ipvsadm --timeout / --set)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from help" -f -a "info" -d 'IPVS version and connection table size'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from help" -f -a "sync-daemon" -d 'Start, stop or list the connection sync daemons (ipvsadm --start-daemon ...)'
complete -c hakit -n "__fish_hakit_using_subcommand ipvs; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and not __fish_seen_subcommand_from list save service real restore flush zero help" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand nft; and not __fish_seen_subcommand_from list save service real restore flush zero help" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand nft; and not __fish_seen_subcommand_from list save service real restore flush zero help" -l force -d 'Take over a table named hakit that hakit did not create'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and not __fish_seen_subcommand_from list save service real restore flush zero help" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and not __fish_seen_subcommand_from list save service real restore flush zero help" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and not __fish_seen_subcommand_from list save service real restore flush zero help" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and not __fish_seen_subcommand_from list save service real restore flush zero help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and not __fish_seen_subcommand_from list save service real restore flush zero help" -f -a "list" -d 'List services and real servers, in ipvsadm -Ln\'s columns'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and not __fish_seen_subcommand_from list save service real restore flush zero help" -f -a "save" -d 'Print the table as rules that `ipvsadm -R` and `restore` read back (ipvsadm -S -n)'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and not __fish_seen_subcommand_from list save service real restore flush zero help" -f -a "service" -d 'Add, edit or delete a virtual service'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and not __fish_seen_subcommand_from list save service real restore flush zero help" -f -a "real" -d 'Add, edit or delete a real server of a service'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and not __fish_seen_subcommand_from list save service real restore flush zero help" -f -a "restore" -d 'Apply rules in ipvsadm -S format, pipelined (ipvsadm -R)'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and not __fish_seen_subcommand_from list save service real restore flush zero help" -f -a "flush" -d 'Delete every service (ipvsadm -C)'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and not __fish_seen_subcommand_from list save service real restore flush zero help" -f -a "zero" -d 'Zero the counters'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and not __fish_seen_subcommand_from list save service real restore flush zero help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from list" -s t -l tcp-service -d 'TCP service ADDR:PORT ([ADDR]:PORT for IPv6)' -r
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from list" -s u -l udp-service -d 'UDP service ADDR:PORT' -r
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from list" -l sctp-service -d 'SCTP service ADDR:PORT' -r
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from list" -s f -l fwmark-service -d 'Firewall-mark service' -r
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from list" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from list" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from list" -s 6 -l ipv6 -d 'The firewall-mark service is IPv6'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from list" -l stats -d 'Counters: connections, packets and bytes'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from list" -l rate -d 'Rates: connections, packets and bytes per second'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from list" -l thresholds -d 'Upper and lower connection thresholds'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from list" -l persistent-conn -d 'Persistent connections'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from list" -s x -l exact -d 'Exact numbers instead of K/M/G abbreviations'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from list" -l json -d 'Print JSON'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from list" -l force -d 'Take over a table named hakit that hakit did not create'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from list" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from save" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from save" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from save" -l force -d 'Take over a table named hakit that hakit did not create'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from save" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from save" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from save" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from save" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from service" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from service" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from service" -l force -d 'Take over a table named hakit that hakit did not create'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from service" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from service" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from service" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from service" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from service" -f -a "add" -d 'Add a virtual service (ipvsadm -A)'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from service" -f -a "edit" -d 'Change a virtual service (ipvsadm -E)'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from service" -f -a "del" -d 'Delete a virtual service and its real servers (ipvsadm -D)'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from service" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from real" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from real" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from real" -l force -d 'Take over a table named hakit that hakit did not create'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from real" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from real" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from real" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from real" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from real" -f -a "add" -d 'Add a real server (ipvsadm -a)'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from real" -f -a "edit" -d 'Change a real server (ipvsadm -e)'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from real" -f -a "del" -d 'Delete a real server (ipvsadm -d)'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from real" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from restore" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from restore" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from restore" -l continue -d 'Skip rules that fail and apply the rest'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from restore" -l json -d 'Print a JSON report'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from restore" -l force -d 'Take over a table named hakit that hakit did not create'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from restore" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from restore" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from restore" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from flush" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from flush" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from flush" -l force -d 'Take over a table named hakit that hakit did not create'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from flush" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from flush" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from flush" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from flush" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from zero" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from zero" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from zero" -l force -d 'Take over a table named hakit that hakit did not create'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from zero" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from zero" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from zero" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from zero" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from help" -f -a "list" -d 'List services and real servers, in ipvsadm -Ln\'s columns'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from help" -f -a "save" -d 'Print the table as rules that `ipvsadm -R` and `restore` read back (ipvsadm -S -n)'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from help" -f -a "service" -d 'Add, edit or delete a virtual service'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from help" -f -a "real" -d 'Add, edit or delete a real server of a service'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Apply rules in ipvsadm -S format, pipelined (ipvsadm -R)'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from help" -f -a "flush" -d 'Delete every service (ipvsadm -C)'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from help" -f -a "zero" -d 'Zero the counters'
complete -c hakit -n "__fish_hakit_using_subcommand nft; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and not __fish_seen_subcommand_from announce withdraw status run config help" -l socket -d 'BIRD\'s control socket' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and not __fish_seen_subcommand_from announce withdraw status run config help" -l include -d 'The file of VIPs hakit owns, which BIRD\'s configuration includes' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and not __fish_seen_subcommand_from announce withdraw status run config help" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and not __fish_seen_subcommand_from announce withdraw status run config help" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and not __fish_seen_subcommand_from announce withdraw status run config help" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and not __fish_seen_subcommand_from announce withdraw status run config help" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and not __fish_seen_subcommand_from announce withdraw status run config help" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and not __fish_seen_subcommand_from announce withdraw status run config help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and not __fish_seen_subcommand_from announce withdraw status run config help" -f -a "announce" -d 'Announce VIPs (idempotent)'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and not __fish_seen_subcommand_from announce withdraw status run config help" -f -a "withdraw" -d 'Withdraw VIPs (idempotent; a VIP not announced changes nothing)'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and not __fish_seen_subcommand_from announce withdraw status run config help" -f -a "status" -d 'Show the VIPs hakit announces (in its file and in BIRD\'s table) and the BGP and BFD sessions as BIRD reports them. Exit status 1 when no BGP session is up'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and not __fish_seen_subcommand_from announce withdraw status run config help" -f -a "run" -d 'Announce the VIPs while a check passes, withdraw them when it fails'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and not __fish_seen_subcommand_from announce withdraw status run config help" -f -a "config" -d 'Print a complete BIRD 2 configuration for this director'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and not __fish_seen_subcommand_from announce withdraw status run config help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from announce" -l socket -d 'BIRD\'s control socket' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from announce" -l include -d 'The file of VIPs hakit owns, which BIRD\'s configuration includes' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from announce" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from announce" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from announce" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from announce" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from announce" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from announce" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from withdraw" -l socket -d 'BIRD\'s control socket' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from withdraw" -l include -d 'The file of VIPs hakit owns, which BIRD\'s configuration includes' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from withdraw" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from withdraw" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from withdraw" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from withdraw" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from withdraw" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from withdraw" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from status" -l socket -d 'BIRD\'s control socket' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from status" -l include -d 'The file of VIPs hakit owns, which BIRD\'s configuration includes' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from status" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from status" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from status" -l json -d 'JSON output'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from status" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from run" -l vip -d 'A VIP to announce (repeat for more)' -r
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from run" -l check -d 'The check: a `hakit check` command line, e.g. \'http http://127.0.0.1/health\'' -r
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from run" -l interval -d 'Pause between two checks' -r
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from run" -l fall -d 'Failed checks in a row that withdraw the VIPs' -r
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from run" -l rise -d 'Good checks in a row that announce them again' -r
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from run" -l drain -d 'After SIGTERM\'s withdrawal, how long to keep running before exiting' -r
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from run" -l metrics-listen -d 'Serve Prometheus metrics at /metrics (each VIP configured and announced, the BGP and BFD sessions, as BIRD reports them at the scrape), /status (as `bgp status --json`) and /healthz over HTTP on ADDR:PORT; a bare PORT or :PORT is on loopback. A port in use or an address not on this host ends the command at once (exit 2)' -r
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from run" -l socket -d 'BIRD\'s control socket' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from run" -l include -d 'The file of VIPs hakit owns, which BIRD\'s configuration includes' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from run" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from run" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from run" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from run" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from config" -l router-id -d 'BGP router id (usually the director\'s own address)' -r
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from config" -l local-as -d 'This director\'s AS' -r
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from config" -l router -d 'A router: ADDR:AS (IPv4 or IPv6; `[ADDR]:AS` also works; a link-local IPv6 router with its interface, fe80::1%eth0:AS). Repeat for each' -r
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from config" -l bfd-interval -d 'BFD\'s transmit and receive interval; a director is declared down after three' -r
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from config" -l hold -d 'BGP hold time in seconds (keepalives every third of it)' -r
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from config" -l socket -d 'BIRD\'s control socket' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from config" -l include -d 'The file of VIPs hakit owns, which BIRD\'s configuration includes' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from config" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from config" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from config" -l no-bfd -d 'No BFD (the routers then notice a dead director only when the hold time expires)'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from config" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from config" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from config" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from config" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from help" -f -a "announce" -d 'Announce VIPs (idempotent)'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from help" -f -a "withdraw" -d 'Withdraw VIPs (idempotent; a VIP not announced changes nothing)'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show the VIPs hakit announces (in its file and in BIRD\'s table) and the BGP and BFD sessions as BIRD reports them. Exit status 1 when no BGP session is up'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from help" -f -a "run" -d 'Announce the VIPs while a check passes, withdraw them when it fails'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from help" -f -a "config" -d 'Print a complete BIRD 2 configuration for this director'
complete -c hakit -n "__fish_hakit_using_subcommand bgp; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hakit -n "__fish_hakit_using_subcommand metrics" -l textfile -d 'Write DIR/hakit.prom (through a temporary file and a rename) instead of printing' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand metrics" -l dataplane -d 'The data plane to add: nft, ipvs, auto (IPVS where the kernel has it), or none' -r
complete -c hakit -n "__fish_hakit_using_subcommand metrics" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand metrics" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand metrics" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand metrics" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand metrics" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand metrics" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hakit -n "__fish_hakit_using_subcommand check; and not __fish_seen_subcommand_from tcp http ssl misc smtp dns udp ping digest help" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand check; and not __fish_seen_subcommand_from tcp http ssl misc smtp dns udp ping digest help" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand check; and not __fish_seen_subcommand_from tcp http ssl misc smtp dns udp ping digest help" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand check; and not __fish_seen_subcommand_from tcp http ssl misc smtp dns udp ping digest help" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand check; and not __fish_seen_subcommand_from tcp http ssl misc smtp dns udp ping digest help" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand check; and not __fish_seen_subcommand_from tcp http ssl misc smtp dns udp ping digest help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hakit -n "__fish_hakit_using_subcommand check; and not __fish_seen_subcommand_from tcp http ssl misc smtp dns udp ping digest help" -f -a "tcp" -d 'TCP_CHECK: a connection opens'
complete -c hakit -n "__fish_hakit_using_subcommand check; and not __fish_seen_subcommand_from tcp http ssl misc smtp dns udp ping digest help" -f -a "http" -d 'HTTP_GET: the page answers with an accepted status (and digest, regex)'
complete -c hakit -n "__fish_hakit_using_subcommand check; and not __fish_seen_subcommand_from tcp http ssl misc smtp dns udp ping digest help" -f -a "ssl" -d 'SSL_GET: the same over TLS (no certificate verification unless --ca)'
complete -c hakit -n "__fish_hakit_using_subcommand check; and not __fish_seen_subcommand_from tcp http ssl misc smtp dns udp ping digest help" -f -a "misc" -d 'MISC_CHECK: a command exits 0 (with --dynamic, 2-255 set a weight)'
complete -c hakit -n "__fish_hakit_using_subcommand check; and not __fish_seen_subcommand_from tcp http ssl misc smtp dns udp ping digest help" -f -a "smtp" -d 'SMTP_CHECK: a 220 banner and 250 to HELO'
complete -c hakit -n "__fish_hakit_using_subcommand check; and not __fish_seen_subcommand_from tcp http ssl misc smtp dns udp ping digest help" -f -a "dns" -d 'DNS_CHECK: a query answered without error'
complete -c hakit -n "__fish_hakit_using_subcommand check; and not __fish_seen_subcommand_from tcp http ssl misc smtp dns udp ping digest help" -f -a "udp" -d 'UDP_CHECK: a payload answered (no ICMP port unreachable)'
complete -c hakit -n "__fish_hakit_using_subcommand check; and not __fish_seen_subcommand_from tcp http ssl misc smtp dns udp ping digest help" -f -a "ping" -d 'PING_CHECK: an ICMP echo reply'
complete -c hakit -n "__fish_hakit_using_subcommand check; and not __fish_seen_subcommand_from tcp http ssl misc smtp dns udp ping digest help" -f -a "digest" -d 'Print the MD5 digest of a page\'s body, for --digest (keepalived\'s genhash)'
complete -c hakit -n "__fish_hakit_using_subcommand check; and not __fish_seen_subcommand_from tcp http ssl misc smtp dns udp ping digest help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from tcp" -l bindto -d 'Source address to connect from' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from tcp" -l connect-ip -d 'Address to connect to (instead of the one in TARGET)' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from tcp" -l connect-port -d 'Port to connect to (instead of the one in TARGET)' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from tcp" -l connect-timeout -d 'Bound of one try' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from tcp" -l retry -d 'Further tries after a failure (keepalived\'s retry / nb_get_retry)' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from tcp" -l delay-before-retry -d 'Pause between tries' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from tcp" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from tcp" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from tcp" -l json -d 'Print the verdict as JSON'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from tcp" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from tcp" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from tcp" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from tcp" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from http" -l bindto -d 'Source address to connect from' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from http" -l connect-ip -d 'Address to connect to (instead of the one in TARGET)' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from http" -l connect-port -d 'Port to connect to (instead of the one in TARGET)' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from http" -l path -d 'Path to request (default: the URL\'s, or /)' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from http" -l status-code -d 'Accepted status codes' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from http" -l digest -d 'Expected MD5 of the body, 32 hex digits (see `hakit check digest`)' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from http" -l virtualhost -d 'Host header to send' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from http" -l regex -d 'The body must match this regular expression' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from http" -l connect-timeout -d 'Bound of one try' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from http" -l retry -d 'Further tries after a failure (keepalived\'s retry / nb_get_retry)' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from http" -l delay-before-retry -d 'Pause between tries' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from http" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from http" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from http" -l http10 -d 'Speak HTTP/1.0 instead of 1.1'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from http" -l json -d 'Print the verdict as JSON'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from http" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from http" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from http" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from http" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ssl" -l bindto -d 'Source address to connect from' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ssl" -l connect-ip -d 'Address to connect to (instead of the one in TARGET)' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ssl" -l connect-port -d 'Port to connect to (instead of the one in TARGET)' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ssl" -l path -d 'Path to request (default: the URL\'s, or /)' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ssl" -l status-code -d 'Accepted status codes' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ssl" -l digest -d 'Expected MD5 of the body, 32 hex digits (see `hakit check digest`)' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ssl" -l virtualhost -d 'Host header to send' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ssl" -l regex -d 'The body must match this regular expression' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ssl" -l connect-timeout -d 'Bound of one try' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ssl" -l retry -d 'Further tries after a failure (keepalived\'s retry / nb_get_retry)' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ssl" -l delay-before-retry -d 'Pause between tries' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ssl" -l sni -d 'Server name to send (SNI) and to verify with --ca' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ssl" -l ca -d 'Verify the server\'s certificate against these CAs (PEM)' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ssl" -l cert -d 'Client certificate chain (PEM), with --key' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ssl" -l key -d 'Client private key (PEM)' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ssl" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ssl" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ssl" -l http10 -d 'Speak HTTP/1.0 instead of 1.1'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ssl" -l json -d 'Print the verdict as JSON'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ssl" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ssl" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ssl" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ssl" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from misc" -l timeout -d 'Kill the command (and its children) after this long' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from misc" -l retry -d 'Further tries after a failure' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from misc" -l delay-before-retry -d 'Pause between tries' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from misc" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from misc" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from misc" -l dynamic -d 'keepalived\'s misc_dynamic: exit 2-255 is healthy with weight = status - 2'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from misc" -l json
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from misc" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from misc" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from misc" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from misc" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from smtp" -l bindto -d 'Source address to connect from' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from smtp" -l connect-ip -d 'Address to connect to (instead of the one in TARGET)' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from smtp" -l connect-port -d 'Port to connect to (instead of the one in TARGET)' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from smtp" -l helo-name -d 'Name to send with HELO' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from smtp" -l connect-timeout -d 'Bound of one try' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from smtp" -l retry -d 'Further tries after a failure (keepalived\'s retry / nb_get_retry)' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from smtp" -l delay-before-retry -d 'Pause between tries' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from smtp" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from smtp" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from smtp" -l json -d 'Print the verdict as JSON'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from smtp" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from smtp" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from smtp" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from smtp" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from dns" -l bindto -d 'Source address to connect from' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from dns" -l connect-ip -d 'Address to connect to (instead of the one in TARGET)' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from dns" -l connect-port -d 'Port to connect to (instead of the one in TARGET)' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from dns" -l name -d 'Name to ask for' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from dns" -l type -d 'Record type: A, AAAA, NS, SOA, MX, TXT, CNAME, PTR, SRV' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from dns" -l connect-timeout -d 'Bound of one try' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from dns" -l retry -d 'Further tries after a failure (keepalived\'s retry / nb_get_retry)' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from dns" -l delay-before-retry -d 'Pause between tries' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from dns" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from dns" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from dns" -l json -d 'Print the verdict as JSON'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from dns" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from dns" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from dns" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from dns" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from udp" -l bindto -d 'Source address to connect from' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from udp" -l connect-ip -d 'Address to connect to (instead of the one in TARGET)' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from udp" -l connect-port -d 'Port to connect to (instead of the one in TARGET)' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from udp" -l payload -d 'Payload to send' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from udp" -l payload-hex -d 'Payload to send, as keepalived\'s HEX_STR (`01 ab 2`: groups of hex digits)' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from udp" -l expect -d 'The answer must contain this' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from udp" -l require-reply -d 'keepalived\'s require_reply: the answer must start with these bytes (HEX_STR, X for a nibble that may be anything), compared as far as both go' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from udp" -l min-reply-length -d 'Shortest acceptable answer' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from udp" -l max-reply-length -d 'Longest acceptable answer [default: 255 with --require-reply, else any]' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from udp" -l connect-timeout -d 'Bound of one try' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from udp" -l retry -d 'Further tries after a failure (keepalived\'s retry / nb_get_retry)' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from udp" -l delay-before-retry -d 'Pause between tries' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from udp" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from udp" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from udp" -l no-reply-ok -d 'keepalived\'s UDP_CHECK without require_reply: no answer is needed, only an ICMP error (port unreachable) fails'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from udp" -l json -d 'Print the verdict as JSON'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from udp" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from udp" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from udp" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from udp" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ping" -l connect-timeout -d 'Bound of one try' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ping" -l retry -d 'Further tries after a failure (keepalived\'s retry / nb_get_retry)' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ping" -l delay-before-retry -d 'Pause between tries' -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ping" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ping" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ping" -l json -d 'Print the verdict as JSON'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ping" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ping" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ping" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from ping" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from digest" -l connect-timeout -r
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from digest" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from digest" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from digest" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from digest" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from digest" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from digest" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from help" -f -a "tcp" -d 'TCP_CHECK: a connection opens'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from help" -f -a "http" -d 'HTTP_GET: the page answers with an accepted status (and digest, regex)'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from help" -f -a "ssl" -d 'SSL_GET: the same over TLS (no certificate verification unless --ca)'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from help" -f -a "misc" -d 'MISC_CHECK: a command exits 0 (with --dynamic, 2-255 set a weight)'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from help" -f -a "smtp" -d 'SMTP_CHECK: a 220 banner and 250 to HELO'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from help" -f -a "dns" -d 'DNS_CHECK: a query answered without error'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from help" -f -a "udp" -d 'UDP_CHECK: a payload answered (no ICMP port unreachable)'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from help" -f -a "ping" -d 'PING_CHECK: an ICMP echo reply'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from help" -f -a "digest" -d 'Print the MD5 digest of a page\'s body, for --digest (keepalived\'s genhash)'
complete -c hakit -n "__fish_hakit_using_subcommand check; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hakit -n "__fish_hakit_using_subcommand lb; and not __fish_seen_subcommand_from run status help" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand lb; and not __fish_seen_subcommand_from run status help" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand lb; and not __fish_seen_subcommand_from run status help" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand lb; and not __fish_seen_subcommand_from run status help" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand lb; and not __fish_seen_subcommand_from run status help" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand lb; and not __fish_seen_subcommand_from run status help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hakit -n "__fish_hakit_using_subcommand lb; and not __fish_seen_subcommand_from run status help" -f -a "run" -d 'Check real servers and keep the data plane\'s table in line until SIGTERM'
complete -c hakit -n "__fish_hakit_using_subcommand lb; and not __fish_seen_subcommand_from run status help" -f -a "status" -d 'Show each real server\'s health, weight and last transition'
complete -c hakit -n "__fish_hakit_using_subcommand lb; and not __fish_seen_subcommand_from run status help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -s t -l tcp-service -d 'TCP service ADDR:PORT ([ADDR]:PORT for IPv6)' -r
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -s u -l udp-service -d 'UDP service ADDR:PORT' -r
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l sctp-service -d 'SCTP service ADDR:PORT' -r
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -s f -l fwmark-service -d 'Firewall-mark service' -r
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -s s -l scheduler -d 'Scheduler (keepalived\'s lb_algo; default wlc on IPVS, wrr on nftables)' -r
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -s p -l persistent -d 'Persistence timeout in seconds (keepalived\'s persistence_timeout)' -r
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -s M -l netmask -d 'Persistence netmask' -r
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -s r -l real-server -d 'Real server ADDR[:PORT][,weight=N] (repeatable; the port defaults to the service\'s; with -g or -i the table keeps the service\'s port, and the check asks the one given)' -r
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l check -d 'The check of every real server: a `hakit check` command line without its target, e.g. \'http --path /health --status-code 200\' (keepalived\'s HTTP_GET, TCP_CHECK, ...)' -r
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l delay-loop -d 'Pause between two checks of a server (keepalived\'s delay_loop)' -r
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l warmup -d 'Spread the servers\' first checks evenly over DUR (keepalived\'s warmup; 0 checks them all at once) [default: the delay loop]' -r
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l fall -d 'Failed checks in a row that take a server down' -r
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l rise -d 'Good checks in a row that bring a server back' -r
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l sorry-server -d 'Server that stands in while the quorum is lost, ADDR[:PORT]' -r
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l sorry-weight -d 'Weight of the sorry server' -r
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l quorum -d 'Least sum of the up servers\' weights that keeps the service up' -r
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l hysteresis -d 'Lost below quorum - N, regained at quorum + N' -r
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l quorum-up -d 'Command run when the quorum is regained' -r
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l quorum-down -d 'Command run when the quorum is lost' -r
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l notify-up -d 'Command run when a real server comes up (without a shell; quote like one)' -r
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l notify-down -d 'Command run when a real server goes down' -r
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l ha-suspend -d 'Pause the checks while this node does not hold the service: without a value, while the service address is not on a local interface (keepalived\'s ha_suspend); with INSTANCE, while that `hakit vrrp run` instance is not MASTER' -r
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l file -d 'Read virtual services from FILE, one per line (see FILE FORMAT)' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l config -d 'Read the virtual_servers (and global_defs\' mail settings and router_id) of a keepalived.conf' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l name -d 'Name of this checker (state file STATE_DIR/lb-NAME.json)' -r
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l bird-socket -d 'With --announce: BIRD\'s control socket' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l bird-include -d 'With --announce: the file of VIPs hakit owns, which BIRD\'s configuration includes' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l drain -d 'With --announce: the pause between withdrawing the VIPs and taking the services out' -r
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l dataplane -d 'The data plane to keep in line: the kernel\'s IPVS, hakit\'s nftables tables (see hakit-nft(1) for what they do), or auto: IPVS where the kernel has it, nftables otherwise (the log says which)' -r -f -a "ipvs\t''
nft\t''
auto\t''"
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l metrics-listen -d 'Serve Prometheus metrics at /metrics, the state at /status (as `status --json`) and /healthz (200 while the loop turns) over HTTP on ADDR:PORT; a bare PORT or :PORT is on loopback. The metrics: per real server its health, weight, checks and a histogram of their durations (hakit_lb_*), and the data plane read at each scrape under node_exporter\'s ipvs collector\'s names (node_ipvs_backend_weight, node_ipvs_backend_connections_active and _inactive, node_ipvs_*_total; on nftables a NAT server\'s connections are counted in the connection tracking table, a directly routed one has none to count). Off by default. A port in use or an address not on this host ends the command at once (exit 2)' -r
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l router-id -d 'Names this node in mail subjects (keepalived\'s router_id; default: the host name)' -r
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l mail-to -d 'Send alerts to this address (repeatable)' -r
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l mail-from -d 'Sender of the alerts (default: hakit@HOSTNAME)' -r
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l smtp-server -d 'SMTP server ADDR[:PORT] (port 25 by default)' -r
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l smtp-connect-timeout -d 'Give up on the SMTP server after this long' -r
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -s 6 -l ipv6 -d 'The firewall-mark service is IPv6'
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -s g -l gatewaying -d 'Direct routing (LVS-DR, the default; keepalived\'s lb_kind DR)'
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -s i -l ipip -d 'Tunnelling (LVS-TUN)'
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -s m -l masquerading -d 'Masquerading (LVS-NAT)'
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l inhibit-on-failure -d 'Keep a down server with weight 0 instead of removing it'
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l alpha -d 'Start with every server down, in the table only after its first good checks; one found serving in the table at start (lb restarted after a crash, say) stays in as up until a check says otherwise'
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l dry-run -d 'Decide, log and report, but leave the table alone'
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l announce -d 'Announce each service\'s address over BGP through BIRD while its quorum is met, and withdraw it when the quorum is lost (an address several services share: while any of them has its quorum; see hakit-bgp(1)); at exit, withdraw first, wait --drain, then take the services out. What BIRD cannot be told (not started yet, restarting) is told again every second until it answers'
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l keep-on-exit -d 'Leave the table as it is at exit'
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from status" -l name -d 'The checker\'s --name' -r
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from status" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from status" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from status" -l json
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from status" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from help" -f -a "run" -d 'Check real servers and keep the data plane\'s table in line until SIGTERM'
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show each real server\'s health, weight and last transition'
complete -c hakit -n "__fish_hakit_using_subcommand lb; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and not __fish_seen_subcommand_from push rsync pull status daemon-conf help" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand sync; and not __fish_seen_subcommand_from push rsync pull status daemon-conf help" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand sync; and not __fish_seen_subcommand_from push rsync pull status daemon-conf help" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and not __fish_seen_subcommand_from push rsync pull status daemon-conf help" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and not __fish_seen_subcommand_from push rsync pull status daemon-conf help" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and not __fish_seen_subcommand_from push rsync pull status daemon-conf help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and not __fish_seen_subcommand_from push rsync pull status daemon-conf help" -f -a "push" -d 'Push the contents of DIR to each TARGET (host::module, rsync://host:port/module, host:/path over ssh, or a local directory); with --watch, keep pushing changes'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and not __fish_seen_subcommand_from push rsync pull status daemon-conf help" -f -a "rsync" -d 'Push the contents of DIR to each TARGET (host::module, rsync://host:port/module, host:/path over ssh, or a local directory); with --watch, keep pushing changes'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and not __fish_seen_subcommand_from push rsync pull status daemon-conf help" -f -a "pull" -d 'Pull the contents of TARGET into DIR'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and not __fish_seen_subcommand_from push rsync pull status daemon-conf help" -f -a "status" -d 'Show the watch queues: paths waiting per target and the last push'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and not __fish_seen_subcommand_from push rsync pull status daemon-conf help" -f -a "daemon-conf" -d 'Print an rsyncd.conf module for a path (the receivers of seed 004)'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and not __fish_seen_subcommand_from push rsync pull status daemon-conf help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from push" -l exclude -d 'Leave out paths matching PATTERN (rsync\'s --exclude; repeatable)' -r
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from push" -l bwlimit -d 'Bandwidth limit in KiB/s' -r
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from push" -l password-file -d 'Password file for daemon modules with `auth users` (mode 600)' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from push" -l rsh -d 'Remote shell for host:/path targets (default ssh)' -r
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from push" -l timeout -d 'Give up on a stalled transfer or an unanswering daemon after this long' -r
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from push" -l debounce -d 'With --watch: push once changes have been quiet this long' -r
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from push" -l max-delay -d 'With --watch: push at the latest this long after a batch\'s first change' -r
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from push" -l name -d 'With --watch: name of the queues (default: from DIR)' -r
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from push" -l metrics-listen -d 'With --watch: serve Prometheus metrics at /metrics (queue depth, the oldest change\'s age, the last push per target), the queues at /status (as `sync status --json`) and /healthz over HTTP on ADDR:PORT; a bare PORT or :PORT is on loopback. A port in use or an address not on this host ends the command at once (exit 2)' -r
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from push" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from push" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from push" -l delete -d 'Delete files on the receiver that the sender does not have'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from push" -s n -l dry-run -d 'Show what would be transferred; change nothing'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from push" -s z -l compress -d 'Compress on the wire'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from push" -l json -d 'Print the per-target summary as JSON'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from push" -l watch -d 'Keep watching DIR (inotify) and push each change to every target'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from push" -l initial -d 'With --watch: start with a full sync of every target (sersync\'s -r). A watcher whose last run did not stop on SIGTERM (killed, or failed) does one anyway, since no one saw what changed meanwhile; without --delete, files deleted meanwhile stay on the targets (deletions the last watcher saw are still made)'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from push" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from push" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from push" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from push" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from rsync" -l exclude -d 'Leave out paths matching PATTERN (rsync\'s --exclude; repeatable)' -r
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from rsync" -l bwlimit -d 'Bandwidth limit in KiB/s' -r
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from rsync" -l password-file -d 'Password file for daemon modules with `auth users` (mode 600)' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from rsync" -l rsh -d 'Remote shell for host:/path targets (default ssh)' -r
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from rsync" -l timeout -d 'Give up on a stalled transfer or an unanswering daemon after this long' -r
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from rsync" -l debounce -d 'With --watch: push once changes have been quiet this long' -r
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from rsync" -l max-delay -d 'With --watch: push at the latest this long after a batch\'s first change' -r
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from rsync" -l name -d 'With --watch: name of the queues (default: from DIR)' -r
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from rsync" -l metrics-listen -d 'With --watch: serve Prometheus metrics at /metrics (queue depth, the oldest change\'s age, the last push per target), the queues at /status (as `sync status --json`) and /healthz over HTTP on ADDR:PORT; a bare PORT or :PORT is on loopback. A port in use or an address not on this host ends the command at once (exit 2)' -r
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from rsync" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from rsync" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from rsync" -l delete -d 'Delete files on the receiver that the sender does not have'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from rsync" -s n -l dry-run -d 'Show what would be transferred; change nothing'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from rsync" -s z -l compress -d 'Compress on the wire'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from rsync" -l json -d 'Print the per-target summary as JSON'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from rsync" -l watch -d 'Keep watching DIR (inotify) and push each change to every target'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from rsync" -l initial -d 'With --watch: start with a full sync of every target (sersync\'s -r). A watcher whose last run did not stop on SIGTERM (killed, or failed) does one anyway, since no one saw what changed meanwhile; without --delete, files deleted meanwhile stay on the targets (deletions the last watcher saw are still made)'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from rsync" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from rsync" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from rsync" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from rsync" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from pull" -l exclude -d 'Leave out paths matching PATTERN (rsync\'s --exclude; repeatable)' -r
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from pull" -l bwlimit -d 'Bandwidth limit in KiB/s' -r
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from pull" -l password-file -d 'Password file for daemon modules with `auth users` (mode 600)' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from pull" -l rsh -d 'Remote shell for host:/path targets (default ssh)' -r
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from pull" -l timeout -d 'Give up on a stalled transfer or an unanswering daemon after this long' -r
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from pull" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from pull" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from pull" -l delete -d 'Delete files on the receiver that the sender does not have'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from pull" -s n -l dry-run -d 'Show what would be transferred; change nothing'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from pull" -s z -l compress -d 'Compress on the wire'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from pull" -l json -d 'Print the per-target summary as JSON'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from pull" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from pull" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from pull" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from pull" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from status" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from status" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from status" -l json
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from status" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from daemon-conf" -l module -d 'Module name' -r
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from daemon-conf" -l path -d 'Directory the module serves' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from daemon-conf" -l allow -d 'Hosts allowed (repeatable); everyone else is denied' -r
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from daemon-conf" -l uid -d 'User and group the transfers run as' -r
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from daemon-conf" -l gid -r
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from daemon-conf" -l auth-user -d 'Require this user (with --secrets-file)' -r
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from daemon-conf" -l secrets-file -d 'rsyncd\'s secrets file (USER:PASSWORD lines) for --auth-user' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from daemon-conf" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from daemon-conf" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from daemon-conf" -l read-only -d 'Serve read-only (a backup that only gives)'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from daemon-conf" -l global -d 'Include the global settings (port, pid file, log file) before the module'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from daemon-conf" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from daemon-conf" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from daemon-conf" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from daemon-conf" -s h -l help -d 'Print help'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "push" -d 'Push the contents of DIR to each TARGET (host::module, rsync://host:port/module, host:/path over ssh, or a local directory); with --watch, keep pushing changes'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "pull" -d 'Pull the contents of TARGET into DIR'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show the watch queues: paths waiting per target and the last push'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "daemon-conf" -d 'Print an rsyncd.conf module for a path (the receivers of seed 004)'
complete -c hakit -n "__fish_hakit_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hakit -n "__fish_hakit_using_subcommand conf; and not __fish_seen_subcommand_from check plan help" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand conf; and not __fish_seen_subcommand_from check plan help" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand conf; and not __fish_seen_subcommand_from check plan help" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand conf; and not __fish_seen_subcommand_from check plan help" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand conf; and not __fish_seen_subcommand_from check plan help" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand conf; and not __fish_seen_subcommand_from check plan help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hakit -n "__fish_hakit_using_subcommand conf; and not __fish_seen_subcommand_from check plan help" -f -a "check" -d 'Report every error and warning, with FILE:LINE:COLUMN'
complete -c hakit -n "__fish_hakit_using_subcommand conf; and not __fish_seen_subcommand_from check plan help" -f -a "plan" -d 'Print the equivalent hakit composition (a shell script, or systemd units)'
complete -c hakit -n "__fish_hakit_using_subcommand conf; and not __fish_seen_subcommand_from check plan help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hakit -n "__fish_hakit_using_subcommand conf; and __fish_seen_subcommand_from check" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand conf; and __fish_seen_subcommand_from check" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand conf; and __fish_seen_subcommand_from check" -l json
complete -c hakit -n "__fish_hakit_using_subcommand conf; and __fish_seen_subcommand_from check" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand conf; and __fish_seen_subcommand_from check" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand conf; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand conf; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hakit -n "__fish_hakit_using_subcommand conf; and __fish_seen_subcommand_from plan" -l dataplane -d 'The data plane `lb run` is to keep in line (ipvs, nft; auto: IPVS where the kernel has it)' -r -f -a "ipvs\t''
nft\t''
auto\t''"
complete -c hakit -n "__fish_hakit_using_subcommand conf; and __fish_seen_subcommand_from plan" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand conf; and __fish_seen_subcommand_from plan" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand conf; and __fish_seen_subcommand_from plan" -l systemd -d 'systemd units instead of a shell script'
complete -c hakit -n "__fish_hakit_using_subcommand conf; and __fish_seen_subcommand_from plan" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand conf; and __fish_seen_subcommand_from plan" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand conf; and __fish_seen_subcommand_from plan" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand conf; and __fish_seen_subcommand_from plan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hakit -n "__fish_hakit_using_subcommand conf; and __fish_seen_subcommand_from help" -f -a "check" -d 'Report every error and warning, with FILE:LINE:COLUMN'
complete -c hakit -n "__fish_hakit_using_subcommand conf; and __fish_seen_subcommand_from help" -f -a "plan" -d 'Print the equivalent hakit composition (a shell script, or systemd units)'
complete -c hakit -n "__fish_hakit_using_subcommand conf; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hakit -n "__fish_hakit_using_subcommand links" -l log-file -d 'Append log records to FILE instead of writing them to stderr' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand links" -l state-dir -d 'Directory for records and state files' -r -F
complete -c hakit -n "__fish_hakit_using_subcommand links" -l force -d 'Replace files or links of the same name that point elsewhere'
complete -c hakit -n "__fish_hakit_using_subcommand links" -l ipvsadm -d 'Also link `ipvsadm` (the ipvsadm personality; do not shadow a real ipvsadm you need)'
complete -c hakit -n "__fish_hakit_using_subcommand links" -l syslog -d 'Send log records to syslog (facility daemon) instead of stderr'
complete -c hakit -n "__fish_hakit_using_subcommand links" -s v -l verbose -d 'Log more (-v info, -vv debug)'
complete -c hakit -n "__fish_hakit_using_subcommand links" -s q -l quiet -d 'Print nothing on success; errors still go to stderr'
complete -c hakit -n "__fish_hakit_using_subcommand links" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hakit -n "__fish_hakit_using_subcommand help; and not __fish_seen_subcommand_from vip rs-prep vrrp ipvs nft bgp metrics check lb sync conf links help" -f -a "vip" -d 'Add, remove, list and announce virtual IP addresses (rtnetlink)'
complete -c hakit -n "__fish_hakit_using_subcommand help; and not __fish_seen_subcommand_from vip rs-prep vrrp ipvs nft bgp metrics check lb sync conf links help" -f -a "rs-prep" -d 'Prepare a real server for LVS-DR/TUN, and undo it'
complete -c hakit -n "__fish_hakit_using_subcommand help; and not __fish_seen_subcommand_from vip rs-prep vrrp ipvs nft bgp metrics check lb sync conf links help" -f -a "vrrp" -d 'A VRRP v2/v3 speaker, wire-compatible with keepalived, and tools to inspect and test failover'
complete -c hakit -n "__fish_hakit_using_subcommand help; and not __fish_seen_subcommand_from vip rs-prep vrrp ipvs nft bgp metrics check lb sync conf links help" -f -a "ipvs" -d 'Virtual services and real servers in the kernel\'s IPVS table (ipvsadm\'s feature set)'
complete -c hakit -n "__fish_hakit_using_subcommand help; and not __fish_seen_subcommand_from vip rs-prep vrrp ipvs nft bgp metrics check lb sync conf links help" -f -a "nft" -d 'Virtual services and real servers in nftables, for kernels without IPVS'
complete -c hakit -n "__fish_hakit_using_subcommand help; and not __fish_seen_subcommand_from vip rs-prep vrrp ipvs nft bgp metrics check lb sync conf links help" -f -a "bgp" -d 'Announce VIPs to the routers over BGP, through BIRD 2 (Debian\'s bird2)'
complete -c hakit -n "__fish_hakit_using_subcommand help; and not __fish_seen_subcommand_from vip rs-prep vrrp ipvs nft bgp metrics check lb sync conf links help" -f -a "metrics" -d 'Print the Prometheus metrics of every hakit daemon whose state is in --state-dir, once'
complete -c hakit -n "__fish_hakit_using_subcommand help; and not __fish_seen_subcommand_from vip rs-prep vrrp ipvs nft bgp metrics check lb sync conf links help" -f -a "check" -d 'Health checks with keepalived\'s semantics: exit 0 healthy, 1 unhealthy, 2 usage'
complete -c hakit -n "__fish_hakit_using_subcommand help; and not __fish_seen_subcommand_from vip rs-prep vrrp ipvs nft bgp metrics check lb sync conf links help" -f -a "lb" -d 'Health-checked virtual services: keepalived\'s checker loop as one command'
complete -c hakit -n "__fish_hakit_using_subcommand help; and not __fish_seen_subcommand_from vip rs-prep vrrp ipvs nft bgp metrics check lb sync conf links help" -f -a "sync" -d 'Content sync with the real rsync: push or pull for cron, or watch a directory and push every change to every target (sersync)'
complete -c hakit -n "__fish_hakit_using_subcommand help; and not __fish_seen_subcommand_from vip rs-prep vrrp ipvs nft bgp metrics check lb sync conf links help" -f -a "conf" -d 'keepalived.conf compatibility: check a file, or print it as a hakit composition'
complete -c hakit -n "__fish_hakit_using_subcommand help; and not __fish_seen_subcommand_from vip rs-prep vrrp ipvs nft bgp metrics check lb sync conf links help" -f -a "links" -d 'Install symlinks `hakit-GROUP` -> this binary in DIR (idempotent)'
complete -c hakit -n "__fish_hakit_using_subcommand help; and not __fish_seen_subcommand_from vip rs-prep vrrp ipvs nft bgp metrics check lb sync conf links help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from vip" -f -a "add" -d 'Add a VIP to an interface, optionally announcing it'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from vip" -f -a "del" -d 'Remove a VIP from an interface (absent already: success, unless --strict)'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from vip" -f -a "list" -d 'List addresses, of one interface or all, in `ip`\'s address syntax'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from vip" -f -a "garp" -d 'Send gratuitous ARP (IPv4) or unsolicited neighbour advertisements (IPv6) for a VIP'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from rs-prep" -f -a "arp" -d 'The ARP sysctls and loopback VIPs of LVS-DR (seed rs.sh start/stop/status)'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from vrrp" -f -a "run" -d 'Run one VRRP instance until SIGTERM or SIGINT'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from vrrp" -f -a "status" -d 'Show running instances from their state files (exit 1 when none runs)'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from vrrp" -f -a "watch" -d 'Decode every VRRP packet seen on an interface: who claims what, split brain at a glance'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from vrrp" -f -a "send" -d 'Send one crafted advertisement: a protocol test tool'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from ipvs" -f -a "list" -d 'List services and real servers (ipvsadm -Ln)'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from ipvs" -f -a "save" -d 'Print the table as rules that `ipvsadm -R` and `restore` read back (ipvsadm -S -n)'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from ipvs" -f -a "service" -d 'Add, edit or delete a virtual service'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from ipvs" -f -a "real" -d 'Add, edit or delete a real server of a service'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from ipvs" -f -a "restore" -d 'Apply rules in ipvsadm -S format, pipelined (ipvsadm -R)'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from ipvs" -f -a "flush" -d 'Delete every service (ipvsadm -C)'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from ipvs" -f -a "zero" -d 'Zero the counters of one service or of all (ipvsadm -Z)'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from ipvs" -f -a "timeout" -d 'Show or set the connection timeouts (ipvsadm --timeout / --set)'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from ipvs" -f -a "info" -d 'IPVS version and connection table size'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from ipvs" -f -a "sync-daemon" -d 'Start, stop or list the connection sync daemons (ipvsadm --start-daemon ...)'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from nft" -f -a "list" -d 'List services and real servers, in ipvsadm -Ln\'s columns'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from nft" -f -a "save" -d 'Print the table as rules that `ipvsadm -R` and `restore` read back (ipvsadm -S -n)'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from nft" -f -a "service" -d 'Add, edit or delete a virtual service'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from nft" -f -a "real" -d 'Add, edit or delete a real server of a service'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from nft" -f -a "restore" -d 'Apply rules in ipvsadm -S format, pipelined (ipvsadm -R)'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from nft" -f -a "flush" -d 'Delete every service (ipvsadm -C)'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from nft" -f -a "zero" -d 'Zero the counters'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from bgp" -f -a "announce" -d 'Announce VIPs (idempotent)'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from bgp" -f -a "withdraw" -d 'Withdraw VIPs (idempotent; a VIP not announced changes nothing)'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from bgp" -f -a "status" -d 'Show the VIPs hakit announces (in its file and in BIRD\'s table) and the BGP and BFD sessions as BIRD reports them. Exit status 1 when no BGP session is up'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from bgp" -f -a "run" -d 'Announce the VIPs while a check passes, withdraw them when it fails'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from bgp" -f -a "config" -d 'Print a complete BIRD 2 configuration for this director'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from check" -f -a "tcp" -d 'TCP_CHECK: a connection opens'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from check" -f -a "http" -d 'HTTP_GET: the page answers with an accepted status (and digest, regex)'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from check" -f -a "ssl" -d 'SSL_GET: the same over TLS (no certificate verification unless --ca)'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from check" -f -a "misc" -d 'MISC_CHECK: a command exits 0 (with --dynamic, 2-255 set a weight)'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from check" -f -a "smtp" -d 'SMTP_CHECK: a 220 banner and 250 to HELO'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from check" -f -a "dns" -d 'DNS_CHECK: a query answered without error'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from check" -f -a "udp" -d 'UDP_CHECK: a payload answered (no ICMP port unreachable)'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from check" -f -a "ping" -d 'PING_CHECK: an ICMP echo reply'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from check" -f -a "digest" -d 'Print the MD5 digest of a page\'s body, for --digest (keepalived\'s genhash)'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from lb" -f -a "run" -d 'Check real servers and keep the data plane\'s table in line until SIGTERM'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from lb" -f -a "status" -d 'Show each real server\'s health, weight and last transition'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "push" -d 'Push the contents of DIR to each TARGET (host::module, rsync://host:port/module, host:/path over ssh, or a local directory); with --watch, keep pushing changes'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "pull" -d 'Pull the contents of TARGET into DIR'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "status" -d 'Show the watch queues: paths waiting per target and the last push'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "daemon-conf" -d 'Print an rsyncd.conf module for a path (the receivers of seed 004)'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from conf" -f -a "check" -d 'Report every error and warning, with FILE:LINE:COLUMN'
complete -c hakit -n "__fish_hakit_using_subcommand help; and __fish_seen_subcommand_from conf" -f -a "plan" -d 'Print the equivalent hakit composition (a shell script, or systemd units)'
