import type { ReactNode } from "react";
import { useKitMessages } from "../i18n/locale-context.js";
import "./data-state.css";

/** Grey blocks where content is coming, so the page does not jump when it arrives. */
export function Skeleton({ lines = 3, height }: { lines?: number; height?: number | string }) {
  const { loading } = useKitMessages();
  return (
    <div className="revita-skeleton" aria-busy="true" role="status" style={height ? { height } : undefined}>
      <span className="revita-sr-only">{loading}</span>
      {height
        ? null
        : Array.from({ length: lines }, (_, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholder lines have no identity.
            <span key={index} className="revita-skeleton__line" />
          ))}
    </div>
  );
}

/** Said when a query succeeded and found nothing: not an error, and not a blank space. */
export function EmptyState({ children }: { children?: ReactNode }) {
  const { empty } = useKitMessages();
  return <div className="revita-empty">{children ?? empty}</div>;
}

/** A failure the reader can act on: what failed, and a way to try again. */
export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const { errorTitle, retry } = useKitMessages();
  return (
    <div className="revita-error" role="alert">
      <strong>{errorTitle}</strong>
      <span>{message}</span>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {retry}
        </button>
      )}
    </div>
  );
}

export interface DataStateProps {
  loading: boolean;
  error?: { message: string } | null | undefined;
  empty: boolean;
  onRetry?: () => void;
  skeleton?: ReactNode;
  emptyText?: ReactNode;
  children: ReactNode;
}

/**
 * The four states every data component has, in one place: loading (a skeleton, only while
 * there is nothing to show yet), failed, empty, and the content.
 */
export function DataState({ loading, error, empty, onRetry, skeleton, emptyText, children }: DataStateProps) {
  if (error) return <ErrorState message={error.message} onRetry={onRetry} />;
  if (loading && empty) return <>{skeleton ?? <Skeleton />}</>;
  if (empty) return <EmptyState>{emptyText}</EmptyState>;
  return <>{children}</>;
}
