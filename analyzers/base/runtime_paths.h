#pragma once

// Where tonewatchd keeps its socket, database and config by default, so the daemon and the CLI
// agree without either including the other. Follows the XDG base directory specification, with
// the system locations systemd gives a system service.

#include <string>

namespace tonewatch {

// The environment the defaults are computed from; FromEnvironment() reads the process's.
struct RuntimeEnv {
  std::string xdg_runtime_dir;          // $XDG_RUNTIME_DIR
  std::string xdg_state_home;           // $XDG_STATE_HOME
  std::string xdg_config_home;          // $XDG_CONFIG_HOME
  std::string home;                     // $HOME
  std::string runtime_directory;        // $RUNTIME_DIRECTORY (set by systemd's RuntimeDirectory=)
  std::string state_directory;          // $STATE_DIRECTORY (set by systemd's StateDirectory=)
  std::string configuration_directory;  // $CONFIGURATION_DIRECTORY
  unsigned uid = 0;

  static RuntimeEnv FromEnvironment();
};

// The socket: $RUNTIME_DIRECTORY/tonewatchd.sock under systemd, else
// $XDG_RUNTIME_DIR/tonewatch/tonewatchd.sock, else /tmp/tonewatch-<uid>/tonewatchd.sock.
std::string DefaultSocketPath(const RuntimeEnv& env);

// The database: $STATE_DIRECTORY/tonewatch.db under systemd, else
// $XDG_STATE_HOME/tonewatch/tonewatch.db, else ~/.local/state/tonewatch/tonewatch.db.
std::string DefaultDatabasePath(const RuntimeEnv& env);

// The config file: $CONFIGURATION_DIRECTORY/tonewatchd.toml under systemd, else
// $XDG_CONFIG_HOME/tonewatch/tonewatchd.toml, else ~/.config/tonewatch/tonewatchd.toml.
std::string DefaultConfigPath(const RuntimeEnv& env);

}  // namespace tonewatch
