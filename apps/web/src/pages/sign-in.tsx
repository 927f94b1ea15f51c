import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { SyntheticEvent } from "react";
import { useLocale } from "../i18n/locale";
import { requestErrorText } from "../i18n/server-text";
import { useTRPC } from "../trpc";

export function SignInPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { messages: m, locale } = useLocale();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(),
    }),
  );
  const onSubmit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    login.mutate({ username, password });
  };
  return (
    <section className="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{m.signInTitle}</h1>
      <p>{m.signInIntro}</p>
      <form onSubmit={onSubmit} noValidate>
        <label htmlFor="username">{m.username}</label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          value={username}
          onChange={(e) => {
            setUsername(e.target.value);
          }}
          required
        />
        <label htmlFor="password">{m.password}</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
          }}
          required
        />
        {login.isError && (
          <p role="alert" className="error">
            {requestErrorText(login.error, locale)}
          </p>
        )}
        <button type="submit" disabled={login.isPending}>
          {login.isPending ? m.signingIn : m.signIn}
        </button>
      </form>
    </section>
  );
}
