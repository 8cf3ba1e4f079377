package fr.sharenum.benchmarks;

import java.util.List;

/**
 * Public facts the synthetic France is calibrated on: every département (mainland, Corse, overseas)
 * with its prefecture's position, its population in thousands (order of magnitude of the 2021
 * census) and how widely its schools spread around the prefecture. Written for this project.
 */
final class Departements {
    private Departements() {
    }

    /**
     * @param uaiPrefix  the three UAI digits of the département
     * @param lat        prefecture latitude
     * @param lon        prefecture longitude
     * @param population thousands of inhabitants
     * @param spreadKm   standard deviation of the spread of establishments around it
     */
    record Dept(String uaiPrefix, String name, double lat, double lon, int population, double spreadKm) {
    }

    static final List<Dept> ALL = List.of(
            d("001", "Ain", 46.205, 5.226, 660), d("002", "Aisne", 49.564, 3.620, 525), d("003", "Allier", 46.566, 3.333, 335),
            d("004", "Alpes-de-Haute-Provence", 44.092, 6.236, 165), d("005", "Hautes-Alpes", 44.559, 6.079, 141),
            d("006", "Alpes-Maritimes", 43.710, 7.262, 1100), d("007", "Ardèche", 44.735, 4.599, 330),
            d("008", "Ardennes", 49.773, 4.720, 270), d("009", "Ariège", 42.965, 1.607, 155), d("010", "Aube", 48.297, 4.074, 310),
            d("011", "Aude", 43.213, 2.349, 375), d("012", "Aveyron", 44.351, 2.575, 280),
            d("013", "Bouches-du-Rhône", 43.296, 5.370, 2050), d("014", "Calvados", 49.183, -0.370, 700),
            d("015", "Cantal", 44.926, 2.440, 145), d("016", "Charente", 45.649, 0.156, 350),
            d("017", "Charente-Maritime", 46.160, -1.151, 660), d("018", "Cher", 47.081, 2.399, 300),
            d("019", "Corrèze", 45.267, 1.771, 240), d("021", "Côte-d'Or", 47.322, 5.041, 535),
            d("022", "Côtes-d'Armor", 48.514, -2.765, 600), d("023", "Creuse", 46.171, 1.871, 115),
            d("024", "Dordogne", 45.184, 0.721, 415), d("025", "Doubs", 47.238, 6.024, 545), d("026", "Drôme", 44.933, 4.892, 520),
            d("027", "Eure", 49.024, 1.151, 600), d("028", "Eure-et-Loir", 48.446, 1.489, 430),
            d("029", "Finistère", 47.996, -4.102, 915), d("030", "Gard", 43.837, 4.360, 750),
            d("031", "Haute-Garonne", 43.605, 1.444, 1420), d("032", "Gers", 43.646, 0.586, 190),
            d("033", "Gironde", 44.838, -0.579, 1650), d("034", "Hérault", 43.611, 3.877, 1200),
            d("035", "Ille-et-Vilaine", 48.117, -1.678, 1100), d("036", "Indre", 46.811, 1.686, 220),
            d("037", "Indre-et-Loire", 47.394, 0.685, 610), d("038", "Isère", 45.188, 5.724, 1280), d("039", "Jura", 46.675, 5.555, 260),
            d("040", "Landes", 43.890, -0.500, 420), d("041", "Loir-et-Cher", 47.586, 1.335, 330), d("042", "Loire", 45.440, 4.387, 765),
            d("043", "Haute-Loire", 45.043, 3.885, 228), d("044", "Loire-Atlantique", 47.218, -1.554, 1450),
            d("045", "Loiret", 47.903, 1.909, 680), d("046", "Lot", 44.448, 1.441, 174), d("047", "Lot-et-Garonne", 44.203, 0.616, 330),
            d("048", "Lozère", 44.518, 3.500, 76), d("049", "Maine-et-Loire", 47.478, -0.563, 820), d("050", "Manche", 49.116, -1.091, 495),
            d("051", "Marne", 48.957, 4.363, 565), d("052", "Haute-Marne", 48.111, 5.139, 172), d("053", "Mayenne", 48.073, -0.770, 307),
            d("054", "Meurthe-et-Moselle", 48.692, 6.184, 730), d("055", "Meuse", 48.772, 5.160, 183),
            d("056", "Morbihan", 47.658, -2.760, 760), d("057", "Moselle", 49.119, 6.176, 1045), d("058", "Nièvre", 46.990, 3.159, 202),
            d("059", "Nord", 50.629, 3.057, 2610), d("060", "Oise", 49.430, 2.081, 830), d("061", "Orne", 48.432, 0.091, 280),
            d("062", "Pas-de-Calais", 50.291, 2.778, 1460), d("063", "Puy-de-Dôme", 45.778, 3.087, 665),
            d("064", "Pyrénées-Atlantiques", 43.295, -0.371, 690), d("065", "Hautes-Pyrénées", 43.233, 0.078, 230),
            d("066", "Pyrénées-Orientales", 42.699, 2.895, 480), d("067", "Bas-Rhin", 48.573, 7.752, 1150),
            d("068", "Haut-Rhin", 48.079, 7.358, 770), d("069", "Rhône", 45.764, 4.836, 1900), d("070", "Haute-Saône", 47.622, 6.155, 235),
            d("071", "Saône-et-Loire", 46.307, 4.828, 550), d("072", "Sarthe", 48.007, 0.199, 565), d("073", "Savoie", 45.564, 5.918, 440),
            d("074", "Haute-Savoie", 45.899, 6.129, 840), new Dept("075", "Paris", 48.857, 2.352, 2130, 3.5),
            d("076", "Seine-Maritime", 49.443, 1.100, 1250), d("077", "Seine-et-Marne", 48.540, 2.660, 1430),
            new Dept("078", "Yvelines", 48.805, 2.130, 1450, 14), d("079", "Deux-Sèvres", 46.323, -0.459, 375),
            d("080", "Somme", 49.894, 2.296, 570), d("081", "Tarn", 43.928, 2.148, 390), d("082", "Tarn-et-Garonne", 44.018, 1.355, 260),
            d("083", "Var", 43.124, 5.928, 1080), d("084", "Vaucluse", 43.949, 4.806, 560), d("085", "Vendée", 46.670, -1.426, 690),
            d("086", "Vienne", 46.580, 0.340, 440), d("087", "Haute-Vienne", 45.833, 1.262, 370), d("088", "Vosges", 48.174, 6.450, 365),
            d("089", "Yonne", 47.798, 3.567, 335), new Dept("090", "Territoire de Belfort", 47.638, 6.863, 142, 8),
            new Dept("091", "Essonne", 48.629, 2.441, 1300, 12), new Dept("092", "Hauts-de-Seine", 48.892, 2.207, 1620, 5),
            new Dept("093", "Seine-Saint-Denis", 48.909, 2.440, 1650, 5), new Dept("094", "Val-de-Marne", 48.790, 2.455, 1400, 5),
            new Dept("095", "Val-d'Oise", 49.036, 2.076, 1250, 12),
            new Dept("620", "Corse-du-Sud", 41.919, 8.739, 160, 18), new Dept("720", "Haute-Corse", 42.697, 9.450, 180, 25),
            new Dept("971", "Guadeloupe", 16.20, -61.55, 385, 12), new Dept("972", "Martinique", 14.64, -61.02, 360, 9),
            new Dept("973", "Guyane", 4.922, -52.313, 285, 30), new Dept("974", "La Réunion", -21.11, 55.53, 870, 12),
            new Dept("976", "Mayotte", -12.80, 45.15, 300, 5), new Dept("975", "Saint-Pierre-et-Miquelon", 46.780, -56.175, 6, 2),
            new Dept("977", "Saint-Barthélemy", 17.897, -62.850, 10, 2), new Dept("978", "Saint-Martin", 18.067, -63.083, 32, 3),
            new Dept("986", "Wallis-et-Futuna", -13.282, -176.174, 11, 3), new Dept("987", "Polynésie française", -17.535, -149.569, 280, 8),
            new Dept("988", "Nouvelle-Calédonie", -22.276, 166.458, 270, 35));

    private static Dept d(String prefix, String name, double lat, double lon, int population) {
        return new Dept(prefix, name, lat, lon, population, 24);
    }
}
