import { DataState, EmptyState, ErrorState, Skeleton } from "./data-state.js";

export const Loading = () => <Skeleton lines={4} />;
export const LoadingBlock = () => <Skeleton height={200} />;
export const Empty = () => <EmptyState />;
export const EmptyWithText = () => <EmptyState>该地区暂无项目</EmptyState>;
export const Failed = () => <ErrorState message="无法连接服务器" onRetry={() => {}} />;
export const Content = () => (
  <DataState loading={false} empty={false}>
    <p>内容已加载</p>
  </DataState>
);
