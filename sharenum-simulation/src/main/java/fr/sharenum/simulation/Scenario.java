package fr.sharenum.simulation;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One "what if" of the simulation: the population, the host's settings and the behaviours the model draws from.
 * Read from a scenario file ({@code .properties}): {@code scenarios=a,b} names the scenarios; {@code default.key=value}
 * sets a value for all; {@code a.key=value} for one. Unknown keys are refused, so a typo never passes silently.
 *
 * @param name                   the scenario's name (a letter or digit first, then letters, digits, dashes)
 * @param members                members at the start of the year
 * @param seed                   the random seed: the same seed gives the same year
 * @param needsPerMember         needs per member over the year (each a ticket or a training chosen instead)
 * @param radiusKm               the radius requesters choose
 * @param maxAlertsPerTicket     the host's cap on helpers alerted per ticket
 * @param alertsPerHelperPerWeek the host's cap on alerts per helper over 7 days
 * @param announcementsPerEvent  the host's cap on members told of one event ({@code maxAnnouncementsPerEvent})
 * @param shareExperienced       the share of declared skills at the ex-pair level (the rest: 40 % intermediate, the
 *                               remainder novice)
 * @param busesPerAcademie       BusNums per académie, each based at the establishment nearest the académie's centre
 * @param busShare               the share of workshops that ask for a BusNum when one can come
 * @param shareChooseTraining    the share of requesters shown an institutional training who follow it instead
 * @param offerProbability       the chance that an alerted helper offers
 * @param pixShare               the share of members who record a PIX certification during the year
 */
public record Scenario(String name, int members, long seed, double needsPerMember, double radiusKm, int maxAlertsPerTicket,
                       int alertsPerHelperPerWeek, int announcementsPerEvent, double shareExperienced, int busesPerAcademie,
                       double busShare, double shareChooseTraining, double offerProbability, double pixShare) {

    /** The defaults every scenario starts from. */
    public static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("members", "1000000");
        d.put("seed", "2026");
        d.put("needsPerMember", "0.08");
        d.put("radiusKm", "30");
        d.put("maxAlertsPerTicket", "25");
        d.put("alertsPerHelperPerWeek", "20");
        d.put("announcementsPerEvent", "300");
        d.put("shareExperienced", "0.2");
        d.put("busesPerAcademie", "0");
        d.put("busShare", "0.5");
        d.put("shareChooseTraining", "0.2");
        d.put("offerProbability", "0.25");
        d.put("pixShare", "0.03");
        return d;
    }

    /**
     * Checks the values.
     *
     * @param name                   the scenario's name
     * @param members                members at the start of the year
     * @param seed                   the random seed
     * @param needsPerMember         needs per member over the year
     * @param radiusKm               the radius requesters choose
     * @param maxAlertsPerTicket     the cap on helpers alerted per ticket
     * @param alertsPerHelperPerWeek the cap on alerts per helper over 7 days
     * @param announcementsPerEvent  the cap on members told of one event
     * @param shareExperienced       the share of skills at the ex-pair level
     * @param busesPerAcademie       BusNums per académie
     * @param busShare               the share of workshops asking for a BusNum
     * @param shareChooseTraining    the share of requesters following a training instead
     * @param offerProbability       the chance that an alerted helper offers
     * @param pixShare               the share of members recording a PIX certification
     * @throws IllegalArgumentException when a value is out of its range
     */
    public Scenario {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9-]{0,40}")) {
            throw new IllegalArgumentException("a scenario's name is a letter or digit, then letters, digits or dashes: " + name);
        }
        check(members >= 100 && members <= 5_000_000, "members", members);
        check(needsPerMember >= 0 && needsPerMember <= 5, "needsPerMember", needsPerMember);
        check(radiusKm >= 1 && radiusKm <= 200, "radiusKm", radiusKm);
        check(maxAlertsPerTicket >= 1 && maxAlertsPerTicket <= 1000, "maxAlertsPerTicket", maxAlertsPerTicket);
        check(alertsPerHelperPerWeek >= 1, "alertsPerHelperPerWeek", alertsPerHelperPerWeek);
        check(announcementsPerEvent >= 1 && announcementsPerEvent <= 5000, "announcementsPerEvent", announcementsPerEvent);
        check(shareExperienced >= 0 && shareExperienced <= 0.6, "shareExperienced", shareExperienced);
        check(busesPerAcademie >= 0 && busesPerAcademie <= 20, "busesPerAcademie", busesPerAcademie);
        for (Object[] p : new Object[][] {{"busShare", busShare}, {"shareChooseTraining", shareChooseTraining},
                {"offerProbability", offerProbability}, {"pixShare", pixShare}}) {
            double v = (double) p[1];
            check(v >= 0 && v <= 1, (String) p[0], v);
        }
    }

    private static void check(boolean ok, String key, Object value) {
        if (!ok) {
            throw new IllegalArgumentException("scenario value out of range: " + key + "=" + value);
        }
    }

    /**
     * The scenarios of a file.
     *
     * @param file a scenario file
     * @return its scenarios, in the order {@code scenarios} names them
     * @throws IOException              when it cannot be read
     * @throws IllegalArgumentException when a key is unknown or a value is not valid
     */
    public static List<Scenario> read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return parse(p);
    }

    /**
     * The scenarios of properties as a scenario file holds them.
     *
     * @param p the properties
     * @return the scenarios
     * @throws IllegalArgumentException when a key is unknown or a value is not valid
     */
    public static List<Scenario> parse(Properties p) {
        String names = p.getProperty("scenarios");
        if (names == null || names.isBlank()) {
            throw new IllegalArgumentException("a scenario file names its scenarios: scenarios=a,b");
        }
        List<String> list = new ArrayList<>();
        for (String n : names.split(",")) {
            if (!n.isBlank()) {
                list.add(n.strip());
            }
        }
        for (String key : p.stringPropertyNames()) {
            if (key.equals("scenarios")) {
                continue;
            }
            int dot = key.indexOf('.');
            String owner = dot < 0 ? "" : key.substring(0, dot);
            String field = dot < 0 ? key : key.substring(dot + 1);
            if (!(owner.equals("default") || list.contains(owner)) || !DEFAULTS.containsKey(field)) {
                throw new IllegalArgumentException("unknown key in the scenario file: " + key + " (keys are default.<field> or "
                        + "<scenario>.<field>, fields " + DEFAULTS.keySet() + ")");
            }
        }
        List<Scenario> out = new ArrayList<>();
        for (String n : list) {
            Map<String, String> v = new LinkedHashMap<>(DEFAULTS);
            for (String f : DEFAULTS.keySet()) {
                String d = p.getProperty("default." + f);
                if (d != null) {
                    v.put(f, d.strip());
                }
                String own = p.getProperty(n + "." + f);
                if (own != null) {
                    v.put(f, own.strip());
                }
            }
            try {
                out.add(new Scenario(n, Integer.parseInt(v.get("members")), Long.parseLong(v.get("seed")),
                        Double.parseDouble(v.get("needsPerMember")), Double.parseDouble(v.get("radiusKm")),
                        Integer.parseInt(v.get("maxAlertsPerTicket")), Integer.parseInt(v.get("alertsPerHelperPerWeek")),
                        Integer.parseInt(v.get("announcementsPerEvent")),
                        Double.parseDouble(v.get("shareExperienced")), Integer.parseInt(v.get("busesPerAcademie")),
                        Double.parseDouble(v.get("busShare")), Double.parseDouble(v.get("shareChooseTraining")),
                        Double.parseDouble(v.get("offerProbability")), Double.parseDouble(v.get("pixShare"))));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("scenario " + n + ": a value is not a number (" + e.getMessage() + ")", e);
            }
        }
        return out;
    }

    /**
     * This scenario at another size (a quick run, a test).
     *
     * @param newMembers members at the start of the year
     * @return the scenario with that many members
     */
    public Scenario withMembers(int newMembers) {
        return new Scenario(name, newMembers, seed, needsPerMember, radiusKm, maxAlertsPerTicket, alertsPerHelperPerWeek,
                announcementsPerEvent, shareExperienced, busesPerAcademie, busShare, shareChooseTraining, offerProbability, pixShare);
    }
}
