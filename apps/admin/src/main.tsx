import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.js";
import { CACHE_KEYS } from "./cache-keys.js";
import { AppLocaleProvider, languageFetch } from "./i18n/app-locale.js";
import { sessionAwareFetch } from "./session/session.js";
import { figuresFetch } from "./shell/figures.js";
import "@revita/ui/tokens.css";
import "./app.css";

const client = new ApolloClient({
  link: new HttpLink({ uri: "/graphql", fetch: languageFetch(figuresFetch(sessionAwareFetch)) }),
  cache: new InMemoryCache({
    typePolicies: Object.fromEntries(Object.entries(CACHE_KEYS).map(([type, keyFields]) => [type, { keyFields }])),
  }),
});

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <AppLocaleProvider>
        <App />
      </AppLocaleProvider>
    </ApolloProvider>
  </StrictMode>,
);
