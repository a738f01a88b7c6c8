import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Users } from "@medusajs/icons"
import { Badge, Checkbox, Container, Heading, Label, Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"

type Member = {
  id: string
  email: string | null
  plan: { handle: string; title: string }
  status: "active" | "expired" | "revoked"
  ends_at: string | null
  days_left: number | null
}
type Revenue = { plan_handle: string; title: string; periods: number; paid_fen: number }

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`
const statusColor = { active: "green", expired: "orange", revoked: "red" } as const

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { credentials: "include", headers: { accept: "application/json" } })
  if (!res.ok) throw new Error(`${path}: ${res.status}`)
  return res.json() as Promise<T>
}

/** 会员 Members: who holds a membership, who expires within 7 days, and revenue per plan. */
const MembershipsPage = () => {
  const [expiringSoon, setExpiringSoon] = useState(false)
  const [members, setMembers] = useState<Member[]>([])
  const [count, setCount] = useState(0)
  const [revenue, setRevenue] = useState<{ revenue: Revenue[]; total_fen: number } | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    const query = expiringSoon ? "?expiring_within_days=7&limit=200" : "?limit=200"
    getJson<{ memberships: Member[]; count: number }>(`/admin/memberships${query}`)
      .then((data) => {
        setMembers(data.memberships)
        setCount(data.count)
      })
      .catch((e: Error) => setError(e.message))
  }, [expiringSoon])

  useEffect(() => {
    getJson<{ revenue: Revenue[]; total_fen: number }>("/admin/memberships/revenue")
      .then(setRevenue)
      .catch((e: Error) => setError(e.message))
  }, [])

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <Heading level="h2">会员 Members ({count})</Heading>
          <div className="flex items-center gap-x-2">
            <Checkbox id="expiring" checked={expiringSoon} onCheckedChange={(v) => setExpiringSoon(v === true)} />
            <Label htmlFor="expiring">7 天内到期 Expiring in 7 days</Label>
          </div>
        </div>
        {error && <Text className="px-6 py-4 text-ui-fg-error">{error}</Text>}
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Email</Table.HeaderCell>
              <Table.HeaderCell>Plan</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell>Ends</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {members.map((m) => (
              <Table.Row key={m.id}>
                <Table.Cell>{m.email ?? "—"}</Table.Cell>
                <Table.Cell>{m.plan.title}</Table.Cell>
                <Table.Cell>
                  <Badge color={statusColor[m.status]}>{m.status}</Badge>
                </Table.Cell>
                <Table.Cell>
                  {m.ends_at ? new Date(m.ends_at).toLocaleString("zh-CN") : "终身 lifetime"}
                  {m.days_left !== null ? ` (${m.days_left} 天)` : ""}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">会员收入 Revenue per plan {revenue ? `· ${yuan(revenue.total_fen)}` : ""}</Heading>
          <Text size="small" className="text-ui-fg-subtle">Paid amounts of purchases that were not refunded or canceled.</Text>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Plan</Table.HeaderCell>
              <Table.HeaderCell>Purchases</Table.HeaderCell>
              <Table.HeaderCell>Revenue</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(revenue?.revenue ?? []).map((r) => (
              <Table.Row key={r.plan_handle}>
                <Table.Cell>{r.title}</Table.Cell>
                <Table.Cell>{r.periods}</Table.Cell>
                <Table.Cell>{yuan(r.paid_fen)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "会员 Members",
  icon: Users,
})

export default MembershipsPage
