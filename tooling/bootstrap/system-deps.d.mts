export function findChromium(): string | null;
export function findPostgresBinDir(): string | null;
