import { Button, Popconfirm, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table/index.js";
import { useTranslation } from "react-i18next";
import type { User } from "../../api/types.js";

/** Every user with role, team and whether they may sign in; admins change them here. */
export function UsersTable(props: {
  users: User[];
  loading: boolean;
  meId: number | undefined;
  onEdit: (user: User) => void;
  onToggleActive: (user: User) => Promise<unknown>;
}) {
  const { t } = useTranslation("settings");
  const { t: tt } = useTranslation();
  const columns: ColumnsType<User> = [
    {
      key: "name",
      title: t("users.name"),
      render: (_, user) => (
        <Space>
          <Typography.Text strong={user.id === props.meId}>{user.name}</Typography.Text>
          {user.id === props.meId ? <Tag>{t("users.you")}</Tag> : null}
        </Space>
      ),
    },
    { key: "email", title: t("users.email"), render: (_, user) => user.email },
    { key: "role", title: t("users.role"), render: (_, user) => tt(`roles.${user.role}`) },
    { key: "team", title: t("users.team"), render: (_, user) => user.teamName ?? "—" },
    {
      key: "active",
      title: t("users.status"),
      render: (_, user) =>
        user.active ? (
          <Tag color="success">{t("users.active")}</Tag>
        ) : (
          <Tag>{t("users.inactive")}</Tag>
        ),
    },
    {
      key: "actions",
      title: t("users.actions"),
      width: 220,
      render: (_, user) => (
        <Space size={4}>
          <Button size="small" onClick={() => props.onEdit(user)}>
            {t("users.edit")}
          </Button>
          {user.id === props.meId ? null : (
            <Popconfirm
              title={
                user.active
                  ? t("users.deactivateConfirm", { name: user.name })
                  : t("users.activateConfirm", { name: user.name })
              }
              onConfirm={() => props.onToggleActive(user)}
              okText={user.active ? t("users.deactivate") : t("users.activate")}
              cancelText={t("users.cancel")}
            >
              <Button size="small" danger={user.active} type="link">
                {user.active ? t("users.deactivate") : t("users.activate")}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Table<User>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={props.users}
      loading={props.loading}
      pagination={false}
      data-testid="users-table"
    />
  );
}
