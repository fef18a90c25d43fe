import { useApolloClient, useMutation, useQuery } from "@apollo/client/react";
import { createContext, useContext, useEffect } from "react";
import { SessionDocument, type SessionQuery, SignOutDocument } from "../generated/operations.js";

export type SignedInUser = NonNullable<SessionQuery["me"]>;

/** Sent when the API answers 401: the session ended (expired, signed out elsewhere). */
export const SESSION_ENDED = "revita:session-ended";

/** fetch for Apollo's link: a 401 means the session is gone, so the app asks who is signed in again. */
export const sessionAwareFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (response.status === 401) window.dispatchEvent(new Event(SESSION_ENDED));
  return response;
};

export interface Session {
  user: SignedInUser | null;
  loading: boolean;
  error: Error | undefined;
  refetch: () => void;
}

/** The signed-in user, asked for once and asked again when the API says the session ended. */
export function useSession(): Session {
  const { data, loading, error, refetch } = useQuery(SessionDocument);
  const client = useApolloClient();
  useEffect(() => {
    // Whatever was read under the old session must not stay on screen or in the cache.
    const ended = () => void client.clearStore().then(() => refetch());
    window.addEventListener(SESSION_ENDED, ended);
    return () => window.removeEventListener(SESSION_ENDED, ended);
  }, [client, refetch]);
  return { user: data?.me ?? null, loading: loading && !data, error, refetch: () => void refetch() };
}

/** Signs out, forgets everything read, and shows the sign-in page. */
export function useSignOut(): () => Promise<void> {
  const [signOut] = useMutation(SignOutDocument);
  const client = useApolloClient();
  return async () => {
    await signOut();
    await client.clearStore();
    await client.refetchQueries({ include: [SessionDocument] });
  };
}

/** The region a user lands on: the first whose data they may read. */
export const homeRegionOf = (user: SignedInUser) => user.scope.read[0];

/** The signed-in user, for every component below the sign-in gate. */
export const SignedInContext = createContext<SignedInUser | null>(null);

export function useSignedInUser(): SignedInUser {
  const user = useContext(SignedInContext);
  if (!user) throw new Error("useSignedInUser is for components shown only after signing in");
  return user;
}
