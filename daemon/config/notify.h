#pragma once

// tonewatchd's messages to systemd (sd_notify(3)): readiness, status, reload and stop, and the
// watchdog. Every call is a no-op returning false when $NOTIFY_SOCKET is unset, so the daemon
// runs the same way from a terminal. A message that cannot be sent is not an error the daemon can
// act on: systemd notices a missing READY=1 by its start timeout and missing pings by
// WatchdogSec=, so the calls report but never fail.
//
// Thread-safe: each call sends one datagram and keeps no state.

#include <chrono>
#include <optional>
#include <string_view>

namespace tonewatch::daemon::notify {

// "READY=1": start-up is done (socket listening, store open). Also ends a Reloading().
// Returns true when the message was sent.
bool Ready();

// "STATUS=<text>": the one-line state `systemctl status` shows. Line breaks in `text` become
// spaces, since the protocol separates assignments by newlines.
bool Status(std::string_view text);

// "STOPPING=1": shutdown has begun (draining); send it before the drain, not after.
bool Stopping();

// "RELOADING=1" with "MONOTONIC_USEC=<now>" (which systemd 253's Type=notify-reload requires;
// older managers ignore it). Send Ready() when the reload is over, whether it worked or not.
bool Reloading();

// The interval systemd expects WatchdogPing() within: WatchdogSec= from $WATCHDOG_USEC, when
// $WATCHDOG_PID is unset or names this process. nullopt when the watchdog is not enabled. Ping
// at half this interval so one slow turn does not get the daemon killed.
std::optional<std::chrono::microseconds> WatchdogInterval();

// "WATCHDOG=1": the daemon is alive. Call it only from a thread whose progress means the daemon
// works (the event loop), or the watchdog proves nothing.
bool WatchdogPing();

}  // namespace tonewatch::daemon::notify
