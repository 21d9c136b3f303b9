#!/bin/sh
# postinstall for the cyberdiplo deb and rpm packages.
#   deb: postinst configure [OLD-VERSION]   rpm: %post N (1 = install, 2+ = upgrade)
# Creates the system user of the kiosk and tells systemd about the unit. It never
# enables or starts cyberdiplo-kiosk.service; on upgrade it restarts the kiosk only
# if it was already running.
set -e

user=cyberdiplo
home=/var/lib/cyberdiplo

case "$1" in
	configure | [0-9]*) ;;
	*) exit 0 ;; # deb abort-upgrade, abort-remove, ...: nothing to do
esac

upgrade=no
if [ "$1" = configure ]; then
	if [ -n "$2" ]; then upgrade=yes; fi
elif [ "$1" -ge 2 ] 2>/dev/null; then
	upgrade=yes
fi

# The system user (see /usr/lib/sysusers.d/cyberdiplo.conf).
if command -v systemd-sysusers >/dev/null 2>&1; then
	systemd-sysusers /usr/lib/sysusers.d/cyberdiplo.conf || echo "cyberdiplo: systemd-sysusers failed; the kiosk can still run with DynamicUser=yes" >&2
elif ! getent passwd "$user" >/dev/null 2>&1; then
	nologin=/usr/sbin/nologin
	[ -x "$nologin" ] || nologin=/sbin/nologin
	[ -x "$nologin" ] || nologin=/bin/false
	if getent group "$user" >/dev/null 2>&1; then
		group_opt="--gid $user"
	else
		group_opt="--user-group"
	fi
	# shellcheck disable=SC2086 # group_opt is two words on purpose
	useradd --system $group_opt --home-dir "$home" --no-create-home \
		--shell "$nologin" --comment "cyberdiplo SSH kiosk" "$user" ||
		echo "cyberdiplo: could not create the system user $user; the kiosk can still run with DynamicUser=yes" >&2
fi

# Only if systemd is the running init (not in containers or chroots without it).
if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
	systemctl daemon-reload >/dev/null 2>&1 || true
	if [ "$upgrade" = yes ]; then
		# Restarts the kiosk on the new binary only if it is running.
		systemctl try-restart cyberdiplo-kiosk.service >/dev/null 2>&1 || true
	fi
fi

exit 0
