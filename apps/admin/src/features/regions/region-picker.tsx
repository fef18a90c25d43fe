import { useQuery } from "@apollo/client/react";
import { RegionPickerDocument } from "../../generated/operations.js";

/** Breadcrumb-style navigation: up to the parent, down to a child, across provinces. */
export function RegionPicker({ regionCode, onChoose }: { regionCode: string; onChoose: (code: string) => void }) {
  const { data, loading, error } = useQuery(RegionPickerDocument, { variables: { code: regionCode } });
  if (loading && !data) return <nav aria-busy="true">加载中…</nav>;
  if (error) return <nav role="alert">地区加载失败：{error.message}</nav>;
  const region = data?.region;
  return (
    <nav className="region-picker" aria-label="地区">
      <select aria-label="省份" value="" onChange={(event) => event.target.value && onChoose(event.target.value)}>
        <option value="">切换省份…</option>
        {data?.provinces.map((province) => (
          <option key={province.code} value={province.code}>
            {province.nameZh}
          </option>
        ))}
      </select>
      {region?.parent && (
        <button type="button" onClick={() => onChoose(region.parent!.code)}>
          ↑ {region.parent.nameZh}
        </button>
      )}
      <strong>{region?.nameZh ?? `未知地区 ${regionCode}`}</strong>
      {region && region.children.length > 0 && (
        <select aria-label="下级地区" value="" onChange={(event) => event.target.value && onChoose(event.target.value)}>
          <option value="">下级地区…</option>
          {region.children.map((child) => (
            <option key={child.code} value={child.code}>
              {child.nameZh}
            </option>
          ))}
        </select>
      )}
    </nav>
  );
}
