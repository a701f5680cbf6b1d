/**
 * The web console for people on the HTTP port ({@code GET /}): a page, its script and style sheet from
 * {@code /console/} on the class path, the JSON state it polls and the actions its buttons post. Everything it
 * shows or changes goes through {@link org.iscsismis.console.CimOperations}, the dispatcher as the signed-in user:
 * operation records in, a sink that turns instances into JSON out. See docs/console.md.
 */
package org.iscsismis.console;
