// What each kind of order item does when its order is paid or released, and whether it may still be
// refunded: the feature modules' handlers, registered with the orders module (which imports none of them,
// as they call it to create their orders).
import { ELECTIVE_ITEM, electivePaid, electiveRefundRefusal, electiveReleased } from './electives/paid-enrol.service.ts';
import { onOrderPaid, onOrderReleased, onRefundCheck } from './orders/order-items.ts';

export function registerOrderItems() {
  onOrderPaid(ELECTIVE_ITEM, electivePaid);
  onOrderReleased(ELECTIVE_ITEM, electiveReleased);
  onRefundCheck(ELECTIVE_ITEM, electiveRefundRefusal);
}
