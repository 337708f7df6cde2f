/**
 * The Bitrix24 protocol: what portals send us ({@code inbound}), the OAuth server ({@code oauth}), the
 * installations' tokens ({@code tokens}), calling a portal's REST API ({@code rest}) and turning its CRM records
 * into snapshots ({@code crm}). Nothing here knows about Lambda, Vaadin or DynamoDB; the token store is a port.
 */
package ru.unitecon.core.bitrix;
