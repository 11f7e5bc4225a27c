/** Work that runs once the server is listening (for example, importing the bundled question bank). */
export async function onServerStarted(_log: (line: string) => void): Promise<void> {}
