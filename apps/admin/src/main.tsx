import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import { LocaleProvider } from "@revita/ui/i18n";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.js";
import "@revita/ui/tokens.css";
import "./app.css";

const client = new ApolloClient({
  link: new HttpLink({ uri: "/graphql" }),
  cache: new InMemoryCache(),
});

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <LocaleProvider locale="zh-CN">
        <App />
      </LocaleProvider>
    </ApolloProvider>
  </StrictMode>,
);
