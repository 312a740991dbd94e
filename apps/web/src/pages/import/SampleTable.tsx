import { Table } from 'antd';

type SampleRow = Record<string, unknown> | unknown[];

/** The first rows of the file as read, whether the server sends them as arrays or as objects by header. */
export function SampleTable({ headers, rows, label }: { headers: string[]; rows: SampleRow[]; label?: (header: string) => string }) {
  const data = rows.map((row, index) => {
    const record: Record<string, unknown> = { __key: index };
    headers.forEach((header, column) => {
      record[`c${column}`] = Array.isArray(row) ? row[column] : row[header];
    });
    return record;
  });
  return (
    <Table
      rowKey="__key"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={data}
      columns={headers.map((header, column) => ({
        key: `c${column}`,
        dataIndex: `c${column}`,
        title: label ? label(header) : header,
        ellipsis: true,
        width: 160,
        render: (value: unknown) => (value === null || value === undefined ? '' : String(value)),
      }))}
    />
  );
}
