#!/bin/sh
# preremove for the cyberdiplo deb and rpm packages.
#   deb: prerm remove|upgrade|deconfigure|failed-upgrade ...
#   rpm: %preun N (0 = erase, 1+ = upgrade)
# On removal, stops and disables the kiosk; on upgrade, leaves it alone (the new
# package's postinstall restarts it if it is running). The system user and
# /var/lib/cyberdiplo (the SSH host key) are kept.
set -e

case "$1" in
	remove | deconfigure | 0) ;;
	*) exit 0 ;;
esac

if command -v systemctl >/dev/null 2>&1; then
	# Stop only if systemd is the running init; disabling (removing the unit's
	# symlinks) works without it too.
	if [ -d /run/systemd/system ]; then
		systemctl stop cyberdiplo-kiosk.service >/dev/null 2>&1 || true
	fi
	systemctl disable cyberdiplo-kiosk.service >/dev/null 2>&1 || true
fi

exit 0
