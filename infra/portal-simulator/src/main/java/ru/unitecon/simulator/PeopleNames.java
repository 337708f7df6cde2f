package ru.unitecon.simulator;

import java.util.List;
import java.util.Random;

/** Made-up Russian names for generated people; tests can look for them to prove the app stores none. */
final class PeopleNames {
    private static final List<String> MALE_FIRST = List.of("Алексей", "Дмитрий", "Иван", "Сергей", "Михаил", "Артём",
            "Никита", "Павел", "Егор", "Максим", "Роман", "Кирилл");
    private static final List<String> FEMALE_FIRST = List.of("Анна", "Мария", "Елена", "Ольга", "Наталья", "Татьяна",
            "Ксения", "Дарья", "Виктория", "Полина", "Алина", "Екатерина");
    private static final List<String> MALE_LAST = List.of("Смирнов", "Кузнецов", "Попов", "Васильев", "Петров",
            "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Лебедев");
    private static final List<String> MIDDLE = List.of("Андреевич", "Сергеевич", "Игоревич", "Олегович", "Викторович");
    private static final List<String> MIDDLE_FEMALE = List.of("Андреевна", "Сергеевна", "Игоревна", "Олеговна", "Викторовна");

    record Person(String first, String middle, String last, String gender) {
    }

    private PeopleNames() {
    }

    static Person next(Random random) {
        boolean female = random.nextInt(100) < 62;
        String last = MALE_LAST.get(random.nextInt(MALE_LAST.size()));
        if (female) {
            return new Person(FEMALE_FIRST.get(random.nextInt(FEMALE_FIRST.size())),
                    MIDDLE_FEMALE.get(random.nextInt(MIDDLE_FEMALE.size())), last + "а", "F");
        }
        return new Person(MALE_FIRST.get(random.nextInt(MALE_FIRST.size())), MIDDLE.get(random.nextInt(MIDDLE.size())), last, "M");
    }

    /** A mobile number in the +7 9xx range, unique per index. */
    static String phone(int index) {
        return String.format("+7999%07d", index);
    }
}
