package cn.chuangwei.notify;

import cn.chuangwei.support.PostgresTest;

@PostgresTest
class DeliveryPostgresTest extends DeliveryScenario {
}
