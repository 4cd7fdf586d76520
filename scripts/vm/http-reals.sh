# Sourced inside the VM (scripts/vm/run.sh) by checkers.sh and hot-code.sh: N real servers
# (N addresses on a dummy interface, all served by one nginx or busybox httpd) and a keepalived.conf
# with one virtual_server checking each of them with HTTP_GET every DELAY s, written to
# $CONF.
N=${N:-1000} DELAY=${DELAY:-5} CONF=${CONF:-/etc/keepalived/bench.conf}
mkdir -p /www "$(dirname "$CONF")"
echo ok > /www/index.html
ip link add d0 type dummy && ip link set d0 up
{
  for i in $(seq 0 $((N - 1))); do echo "addr add 10.1.$((i / 250)).$((i % 250 + 1))/32 dev d0"; done
} > /tmp/addrs
ip -batch /tmp/addrs
# nginx when the payload carries it (one process, no fork per connection: the VM's one
# CPU then goes to the checkers, not to the server), else busybox httpd.
if [ -x /payload/nginx ]; then
  mkdir -p /payload/lib /tmp/nginx
  [ -s /etc/passwd ] || { echo 'root:x:0:0:root:/root:/bin/sh' > /etc/passwd; echo 'root:x:0:' > /etc/group; }
  tar -xf /payload/nginx.tar -C /payload/lib
  cat > /tmp/nginx/nginx.conf <<'NGINX'
daemon on; master_process off; worker_processes 1; user root;
pid /tmp/nginx/pid; error_log /tmp/nginx/error.log;
events { worker_connections 8192; }
http { access_log off; client_body_temp_path /tmp/nginx; proxy_temp_path /tmp/nginx;
  fastcgi_temp_path /tmp/nginx; uwsgi_temp_path /tmp/nginx; scgi_temp_path /tmp/nginx;
  server { listen 80 backlog=4096; root /www; } }
NGINX
  LD_LIBRARY_PATH=/payload/lib /payload/nginx -p /tmp/nginx -c /tmp/nginx/nginx.conf -e /tmp/nginx/error.log
else
  busybox httpd -p 80 -h /www
fi
{
  echo "global_defs { router_id bench }"
  echo "virtual_server 10.0.0.100 80 {"
  echo " delay_loop $DELAY"
  echo " lb_algo rr"
  echo " lb_kind DR"
  echo " protocol TCP"
  for i in $(seq 0 $((N - 1))); do
    printf ' real_server 10.1.%d.%d 80 {\n  HTTP_GET {\n   url {\n    path /index.html\n    status_code 200\n   }\n   connect_timeout 3\n  }\n }\n' \
      $((i / 250)) $((i % 250 + 1))
  done
  echo "}"
} > "$CONF"
ip addr add 10.0.0.100/32 dev d0
