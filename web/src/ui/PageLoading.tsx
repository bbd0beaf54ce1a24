import { Flex, Spin } from 'antd';

export function PageLoading() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: 200 }} data-testid="page-loading">
      <Spin />
    </Flex>
  );
}
