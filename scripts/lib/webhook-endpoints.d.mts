// Types for webhook-endpoints.mjs (plain Node, run by npm start before any TypeScript loads).
export function registerConsoleWebhooks(emulatorUrl: string, consoleUrl: string, keep?: string | null): Promise<string | null>;
export function withWebhookSecrets<T extends Record<string, string | undefined>>(env: T, secrets: string | null): T;
