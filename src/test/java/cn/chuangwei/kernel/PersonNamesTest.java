package cn.chuangwei.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonNamesTest {

    @Test
    void aNameReadsTheSameEverywhere() {
        assertThat(PersonNames.display("李镇长", "", "lizz")).isEqualTo("李镇长");
        assertThat(PersonNames.display("系统", "管理员", "admin")).isEqualTo("系统管理员");
        assertThat(PersonNames.display("Anna", "Li", "ali")).isEqualTo("Anna Li");
        assertThat(PersonNames.display(" ", null, "nobody")).isEqualTo("nobody");
        assertThat(PersonNames.display(null, "王", "w")).isEqualTo("王");
    }
}
