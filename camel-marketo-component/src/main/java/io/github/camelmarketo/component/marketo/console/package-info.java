/**
 * The {@code marketo} Camel dev console ({@code @DevConsole}; the build generates its
 * {@code META-INF/services/org/apache/camel/dev-console/marketo} entry).
 */
package io.github.camelmarketo.component.marketo.console;
