package cn.chuangwei.standard;

/**
 * Whether some campaign follows a standard, which then is not replaced by a changed file. The campaign module, which
 * owns the campaigns, answers it.
 */
public interface StandardInUse {

    boolean inUse(String standardCode);
}
