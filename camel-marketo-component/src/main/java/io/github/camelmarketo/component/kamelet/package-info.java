/**
 * The JSON form of leads as the Kamelets shipped in this jar ({@code kamelets/*.kamelet.yaml}) exchange them. The
 * Kamelet templates call these classes with the {@code bean} EIP; routes may call them too.
 */
package io.github.camelmarketo.component.kamelet;
