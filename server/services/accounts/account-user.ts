/** What the account use-cases answer: never the password hash. */
export interface AccountUser {
  id: string;
  name: string | null;
  email: string | null;
  isGuest: boolean;
}

export const accountFields = { id: true, name: true, email: true, isGuest: true } as const;
