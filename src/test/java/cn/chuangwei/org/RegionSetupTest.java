package cn.chuangwei.org;

import cn.chuangwei.support.H2Test;

@H2Test
class RegionSetupTest extends RegionSetupScenario {
}
