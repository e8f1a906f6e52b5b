/** The tag colour of each order status (待支付 orange, 已支付 green …). */
export const STATUS_COLORS: Record<string, string> = {
  pending: 'orange',
  paid: 'green',
  refunding: 'blue',
  refunded: 'purple',
  cancelled: 'default',
  closed: 'default',
};
