/** Who may practise with peers: accounts only. A guest is a candidate admitted by one interview's link. */
export function canPractise(user: { isGuest: boolean }): boolean {
  return !user.isGuest;
}

export const PRACTICE_NEEDS_ACCOUNT = "Create an account to practise with peers.";
