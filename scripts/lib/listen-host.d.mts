// Types for listen-host.mjs (plain Node, so the scripts run before anything is built).
export interface DashboardListen {
  /** Passed to `next --hostname`; undefined leaves Next's default (every interface). */
  host: string | undefined;
  /** Where our own checks reach the dashboard. */
  probeUrl: string;
  /** The listening address, in words for the banner. */
  address: string;
  /** The address to open in a browser. */
  openUrl: string;
  /** Printed when demo operators are reachable beyond loopback. */
  warning: string | null;
}

export function dashboardListen(env: Record<string, string | undefined>, port: string): DashboardListen;
