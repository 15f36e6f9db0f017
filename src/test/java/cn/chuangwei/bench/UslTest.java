package cn.chuangwei.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UslTest {

    /** Throughputs the law gives for known parameters. */
    private static double[] law(double lambda, double sigma, double kappa, double... n) {
        Usl truth = new Usl(lambda, sigma, kappa, n.length, 0);
        double[] x = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            x[i] = truth.at(n[i]);
        }
        return x;
    }

    @Test
    void threePointsAreSolvedExactly() {
        double[] n = {1, 2, 3};
        Usl fit = Usl.fit(n, law(180, 0.04, 0.012, n));
        assertThat(fit.lambda()).isCloseTo(180, withinPercentage(1));
        assertThat(fit.sigma()).isCloseTo(0.04, withinPercentage(1));
        assertThat(fit.kappa()).isCloseTo(0.012, withinPercentage(1));
        assertThat(fit.rmsError()).isLessThan(1e-6);
        assertThat(fit.peak()).isCloseTo(Math.sqrt(0.96 / 0.012), withinPercentage(1));
        assertThat(fit.say()).contains("λ = 180/s", "σ = 0.04 ", "κ = 0.012 ", "N* = 8.94");
    }

    @Test
    void morePointsWithNoiseComeClose() {
        double[] n = {1, 2, 3, 4, 6, 8, 12, 16};
        double[] x = law(1000, 0.05, 0.002, n);
        Random random = new Random(18);
        for (int i = 0; i < x.length; i++) {
            x[i] *= 1 + 0.002 * random.nextGaussian();
        }
        Usl fit = Usl.fit(n, x);
        assertThat(fit.lambda()).isCloseTo(1000, withinPercentage(1));
        assertThat(fit.sigma()).isCloseTo(0.05, withinPercentage(10));
        assertThat(fit.kappa()).isCloseTo(0.002, withinPercentage(10));
        assertThat(fit.points()).isEqualTo(8);
    }

    @Test
    void linearScalingHasNoContentionAndNoPeak() {
        Usl fit = Usl.fit(new double[] {1, 2, 3}, new double[] {250, 500, 750});
        assertThat(fit.lambda()).isCloseTo(250, withinPercentage(1));
        assertThat(fit.sigma()).isCloseTo(0, within(1e-9));
        assertThat(fit.kappa()).isCloseTo(0, within(1e-9));
        assertThat(fit.peak()).isNaN();
        assertThat(fit.say()).contains("peak none");
    }

    @Test
    void aRetrogradeCurvePeaksBetweenItsPoints() {
        double[] n = {1, 2, 3};
        double[] x = law(100, 0.1, 0.2, n);
        assertThat(x[2]).isLessThan(x[1]);
        Usl fit = Usl.fit(n, x);
        assertThat(fit.sigma()).isCloseTo(0.1, withinPercentage(1));
        assertThat(fit.kappa()).isCloseTo(0.2, withinPercentage(1));
        assertThat(fit.peak()).isCloseTo(Math.sqrt(0.9 / 0.2), withinPercentage(1)).isBetween(2.0, 3.0);
        assertThat(fit.at(fit.peak())).isGreaterThan(x[1]);
    }

    @Test
    void pureContentionIsFittedWithoutCoherency() {
        double[] n = {1, 2, 3};
        Usl fit = Usl.fit(n, law(300, 0.25, 0, n));
        assertThat(fit.sigma()).isCloseTo(0.25, withinPercentage(1));
        assertThat(fit.kappa()).isCloseTo(0, within(1e-9));
        assertThat(fit.peak()).isNaN();
    }

    @Test
    void negativeCoefficientsAreNotReported() {
        // Superlinear from 1 to 2 nodes, then a dip: the exact solve has σ < 0, which the law does not allow.
        Usl superlinear = Usl.fit(new double[] {1, 2, 3}, new double[] {100, 215, 290});
        assertThat(superlinear.sigma()).isGreaterThanOrEqualTo(0);
        assertThat(superlinear.kappa()).isGreaterThanOrEqualTo(0);
        assertThat(superlinear.kappa()).isGreaterThan(0);
        // Bending upwards (κ < 0 in the exact solve): fitted with κ = 0.
        Usl upwards = Usl.fit(new double[] {1, 2, 3}, new double[] {100, 150, 220});
        assertThat(upwards.kappa()).isEqualTo(0);
        assertThat(upwards.sigma()).isGreaterThan(0);
        assertThat(upwards.peak()).isNaN();
        // Every constrained fit is no worse than the law with σ = κ = 0 through the first point.
        double linearError = Math.sqrt((Math.pow(150 - 200, 2) + Math.pow(220 - 300, 2)) / 3);
        assertThat(upwards.rmsError()).isLessThan(linearError);
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> Usl.fit(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Usl.fit(new double[] {1, 2}, new double[] {100, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("throughput > 0");
        assertThat(Usl.fit(new double[] {1}, new double[] {42}).lambda()).isEqualTo(42);
    }
}
