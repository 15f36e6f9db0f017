package cn.chuangwei.notify;

import cn.chuangwei.support.H2Test;

@H2Test
class DeliveryApiTest extends DeliveryScenario {
}
