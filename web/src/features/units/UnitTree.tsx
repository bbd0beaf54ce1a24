import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Empty, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitSummary } from '../../api/types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageLoading } from '../../ui/PageLoading';
import { fetchTree, unitKeys } from './units-api';

interface UnitNode extends TreeDataNode {
  unit: UnitSummary;
  children?: UnitNode[];
}

function isLeafUnit(unit: UnitSummary): boolean {
  return unit.level === 'hamlet' || unit.childCount === 0;
}

function buildNodes(units: UnitSummary[], childrenByParent: Record<number, UnitSummary[]>): UnitNode[] {
  return units.map((unit) => {
    const loaded = childrenByParent[unit.id];
    return {
      key: String(unit.id),
      title: unit.name,
      unit,
      isLeaf: isLeafUnit(unit) || (loaded !== undefined && loaded.length === 0),
      children: loaded ? buildNodes(loaded, childrenByParent) : undefined,
    };
  });
}

interface UnitTreeProps {
  asOf: string;
  selectedId: number | null;
  onSelect: (unit: UnitSummary) => void;
}

/**
 * The administrative tree as of a date, loaded one level at a time (a city has thousands of hamlets).
 * The parent remounts it with key={asOf}, so a new date starts from fresh roots.
 */
export function UnitTree({ asOf, selectedId, onSelect }: UnitTreeProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [childrenByParent, setChildrenByParent] = useState<Record<number, UnitSummary[]>>({});
  const roots = useQuery({ queryKey: unitKeys.tree(asOf, null), queryFn: () => fetchTree(asOf, null) });
  const treeData = useMemo(
    () => (roots.data ? buildNodes(roots.data.items, childrenByParent) : []),
    [roots.data, childrenByParent],
  );

  const loadChildren = async (node: UnitNode) => {
    const id = node.unit.id;
    if (childrenByParent[id]) return;
    const reply = await queryClient.fetchQuery({
      queryKey: unitKeys.tree(asOf, id),
      queryFn: () => fetchTree(asOf, id),
    });
    setChildrenByParent((previous) => ({ ...previous, [id]: reply.items }));
  };

  if (roots.isPending) return <PageLoading />;
  if (roots.error) return <ErrorAlert error={roots.error} />;
  if (treeData.length === 0)
    return <Empty description={t('units.treeEmpty')} data-testid="unit-tree-empty" />;

  return (
    <div data-testid="unit-tree">
      <Tree<UnitNode>
        treeData={treeData}
        loadData={loadChildren}
        selectedKeys={selectedId === null ? [] : [String(selectedId)]}
        onSelect={(_keys, info) => onSelect(info.node.unit)}
        showLine
        blockNode
        titleRender={(node) => (
          <span data-testid="unit-node" data-unit-id={node.unit.id}>
            <span data-testid="unit-node-name">{node.unit.name}</span>
            {node.unit.code || node.unit.localCode ? (
              <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
                {node.unit.code ?? node.unit.localCode}
              </Typography.Text>
            ) : null}
          </span>
        )}
      />
    </div>
  );
}
