// The PSW's "Run your health check" pages load on demand (they carry the QR code maker).
export const runHealthCheckPage = () => import('./run-page').then((m) => m.route);
export const posterPage = () => import('./poster-page').then((m) => m.route);
