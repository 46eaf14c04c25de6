/**
 * The links in panel emails. Tokens travel after "#", which browsers never send to a server, so
 * they stay out of access logs and proxies; the page posts them in a request body. The one exception
 * is the one-click unsubscribe address (RFC 8058), which mail providers POST to as it is.
 */
export interface PanelLinks {
  confirm(token: string): string;
  manage(token: string): string;
  poll(token: string): string;
  oneClickUnsubscribe(token: string): string;
  join(): string;
}

export function panelLinks(baseUrl: string): PanelLinks {
  return {
    confirm: (token) => `${baseUrl}/panel/confirm#${token}`,
    manage: (token) => `${baseUrl}/panel/manage#${token}`,
    poll: (token) => `${baseUrl}/panel/poll#${token}`,
    oneClickUnsubscribe: (token) => `${baseUrl}/api/panel/unsubscribe/${token}`,
    join: () => `${baseUrl}/panel/join`,
  };
}

/** Path of the one-click route, for the CSRF exemption (it carries its own secret). */
export const ONE_CLICK_UNSUBSCRIBE_PATH = '/api/panel/unsubscribe/';
