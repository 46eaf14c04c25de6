/** Injection token for the AppConfig checked at boot. */
export const APP_CONFIG = Symbol('APP_CONFIG');
