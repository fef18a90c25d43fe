import { msg } from "@revita/messages";

/** The query lab. */
export const queryLabMessages = {
  queryLab: {
    title: msg("数据查询", "Query lab"),
    loading: msg("正在加载查询编辑器…", "Loading the query editor…"),
    openFull: msg("在新窗口打开", "Open in a new window"),
  },
} as const;
