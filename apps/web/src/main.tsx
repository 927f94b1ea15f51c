import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app";
import { LocaleProvider } from "./i18n/locale";
import { TRPCProvider, makeTrpcClient } from "./trpc";
import "./styles.css";

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, retry: 1 } },
});
const trpcClient = makeTrpcClient();

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <LocaleProvider>
          <App />
        </LocaleProvider>
      </TRPCProvider>
    </QueryClientProvider>
  </StrictMode>,
);
