import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { QueryLab } from "../features/query-lab/query-lab.js";

// The standalone editor the API serves at /graphiql.
const root = document.getElementById("root");
if (!root) throw new Error("graphiql.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <QueryLab />
  </StrictMode>,
);
