package ru.unitecon.simulator.yandex;

/** A Direct campaign as reports show it: {@code CampaignId}, {@code CampaignName}, {@code CampaignType}. */
public record DirectCampaign(long id, String name, String type) {
}
