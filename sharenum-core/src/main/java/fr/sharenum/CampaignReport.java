package fr.sharenum;

/**
 * A campaign's own indicators, over the establishment's teachers (its members registered in ShareNum).
 *
 * @param teachers          members working at the establishment
 * @param tookPart          of them, those who submitted a concern
 * @param joinedWorkshop    those who held a seat at one of the campaign's workshops
 * @param startedExperiment those who started an experiment
 */
public record CampaignReport(int teachers, int tookPart, int joinedWorkshop, int startedExperiment) {

    /**
     * Share of the members asked who took part, from 0 to 1.
     *
     * @return the share, from 0 to 1
     */
    public double shareTookPart() {
        return share(tookPart);
    }

    /**
     * Share of the members asked who joined a workshop, from 0 to 1.
     *
     * @return the share, from 0 to 1
     */
    public double shareJoinedWorkshop() {
        return share(joinedWorkshop);
    }

    /**
     * Share of the members asked who started an experiment, from 0 to 1.
     *
     * @return the share, from 0 to 1
     */
    public double shareStartedExperiment() {
        return share(startedExperiment);
    }

    private double share(int n) {
        return teachers == 0 ? 0 : (double) n / teachers;
    }
}
