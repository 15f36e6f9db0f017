package cn.chuangwei.org;

import cn.chuangwei.support.PostgresTest;

@PostgresTest
class RegionSetupPostgresTest extends RegionSetupScenario {
}
