import { CombinedGraphQLErrors } from "@apollo/client";
import { useApolloClient, useMutation } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { saidError } from "../features/entry/refusals.js";
import { SessionDocument, SignInDocument } from "../generated/operations.js";
import { useAppLocale } from "../i18n/app-locale.js";
import { LanguageSwitch } from "../i18n/language-switch.js";

/**
 * The door: username and password. The API sets an HTTP-only session cookie; the page then asks
 * who is signed in and the dashboard opens. A wrong password and a locked account are said in
 * the reader's language; anything else as the API words it.
 */
export function SignInPage() {
  const { t, locale } = useAppLocale();
  const client = useApolloClient();
  const [signIn, { loading }] = useMutation(SignInDocument);
  const [problem, setProblem] = useState<string>();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setProblem(undefined);
    try {
      await signIn({ variables: { username: String(form.get("username") ?? ""), password: String(form.get("password") ?? "") } });
      await client.clearStore();
      await client.refetchQueries({ include: [SessionDocument] });
    } catch (error) {
      // The refusal a person meets here gets the dashboard's own words; anything else the API's.
      const code = CombinedGraphQLErrors.is(error) ? error.errors[0]?.extensions?.code : undefined;
      setProblem(code === "UNAUTHENTICATED" ? t.account.wrongPassword : saidError(error, locale, t.networkFailure));
    }
  };

  return (
    <main className="sign-in">
      <form className="sign-in-form" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t.account.signInTitle}</h1>
        <p>{t.account.signInIntro}</p>
        <label>
          <span>{t.account.username}</span>
          <input name="username" autoComplete="username" required autoCapitalize="none" spellCheck={false} />
        </label>
        <label>
          <span>{t.account.password}</span>
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {problem && (
          <p role="alert" className="sign-in-problem">
            {problem}
          </p>
        )}
        <button type="submit" disabled={loading}>
          {loading ? t.account.signingIn : t.account.signIn}
        </button>
        <LanguageSwitch />
      </form>
    </main>
  );
}
