/**
 * What tests share, and how test helpers are named across the packages:
 * <ul>
 *   <li>{@code …Fixtures}: a bean (or a class of static factories) that makes data for tests, each call a new one,
 *   e.g. {@code SiteFixtures}, {@code AccompanimentFixtures}, {@code PublicLinkFixtures};</li>
 *   <li>{@code …Base}: an abstract class that test classes extend for a shared server, visitor or browser, e.g.
 *   {@code BrowserBase}, {@code PublicBookingBase}; {@link fr.relais.testing.OnBothDatabases} names what it does;</li>
 *   <li>{@code …Support}: static helpers without state, e.g. {@code BrowserSupport}, {@code AgendaSupport};</li>
 *   <li>{@code …Test}: test classes, in the package of the code they test; {@code …IT}: tests of the packaged jar;
 *   {@code …Benchmark}: measurements that print figures, run on demand.</li>
 * </ul>
 */
package fr.relais.testing;
