import type { Locale } from '../../words/locales.ts';
import { MUSCLE_NAMES_ES } from '../places/names-es-muscles.ts';

/**
 * The atlas's self-care (each muscle's title and steps) as a Spanish-speaking patient reads it at home: written
 * for them in "usted", with everyday words for the body, not word for word. Keyed by the English sentence, because
 * the home-care handout stores the English as the therapist sent it; a sentence the therapist wrote or changed has
 * no entry and stays as written. Every English sentence of the atlas has one here (self-care-es.test.ts checks).
 */
const SELF_CARE_ES: Readonly<Record<string, string>> = {
  // Head and face
  'Jaw release': 'Aflojar la mandíbula',
  'Rest the tongue on the roof of the mouth, teeth apart, lips together.':
    'Apoye la lengua en el paladar, con los dientes separados y los labios juntos.',
  'Press gently into the sore spot on the cheek with two fingers for 20-30 s while slowly opening the mouth.':
    'Con dos dedos, presione suavemente el punto adolorido de la mejilla de 20 a 30 segundos mientras abre la ' +
    'boca despacio.',
  'Repeat three times a day; avoid gum and hard foods for a week.':
    'Hágalo tres veces al día. Durante una semana, no mastique chicle ni coma alimentos duros.',
  'Temple circles': 'Círculos en las sienes',
  'With fingertips on the temple, press gently and make slow circles for 30 s.':
    'Ponga las yemas de los dedos en la sien, presione suave y haga círculos lentos durante 30 segundos.',
  'Let the jaw hang slightly open while doing it.':
    'Mientras lo hace, deje la boca un poco abierta y la mandíbula floja.',
  'Notice and stop daytime clenching.': 'Fíjese si aprieta los dientes durante el día y, si lo nota, aflójelos.',
  'Controlled opening': 'Abrir la boca con control',
  'Keep the tongue on the palate and open the mouth slowly in a straight line in front of a mirror.':
    'Frente a un espejo, con la lengua en el paladar, abra la boca despacio y derecho, sin que la mandíbula se ' +
    'vaya de lado.',
  'Stop before any click; repeat 10 times, twice a day.':
    'Pare antes de sentir un chasquido. Hágalo 10 veces, dos veces al día.',
  'Under-jaw pressure': 'Presión debajo de la mandíbula',
  'Hook a finger inside the angle of the jaw and press upward gently for 20 s.':
    'Coloque un dedo por dentro del ángulo de la mandíbula y empuje suavemente hacia arriba durante 20 segundos.',
  'Swallow slowly during the hold; repeat twice.': 'Mientras presiona, trague despacio. Repítalo dos veces.',
  'Under-chin release': 'Aflojar debajo de la barbilla',
  'Press the soft area under the chin upward gently for 20 s.':
    'Empuje suavemente hacia arriba la parte blanda debajo de la barbilla durante 20 segundos.',
  'Then tuck the chin slightly and lengthen the back of the neck.':
    'Después, baje un poco la barbilla y estire la parte de atrás del cuello.',
  'Forehead smoothing': 'Alisar la frente',
  'Stroke from the midline of the forehead outward with light pressure for a minute.':
    'Con poca presión, deslice los dedos desde el centro de la frente hacia los lados durante un minuto.',
  'Check screen distance and lighting to ease squinting.':
    'Revise la distancia a la pantalla y la luz para no tener que entrecerrar los ojos.',
  'Back-of-head press': 'Presión en la nuca',
  'Lie with a soft ball under the tender spot for 60 s.':
    'Acuéstese con una pelota blanda debajo del punto adolorido durante 60 segundos.',
  'Move the eyes slowly up and down during the hold.':
    'Mientras tanto, mueva los ojos despacio hacia arriba y hacia abajo.',
  'Eye rest': 'Descanso para los ojos',
  'Every 20 minutes look at something 6 m away for 20 s.':
    'Cada 20 minutos, mire algo que esté a unos 6 metros (20 pies) durante 20 segundos.',
  'Place warm palms over closed eyes for a minute.':
    'Cierre los ojos y cúbralos con las palmas tibias durante un minuto.',
  'Cheek release': 'Aflojar la mejilla',
  'Pinch the cheek gently between thumb (inside the mouth) and finger (outside) for 20 s.':
    'Tome la mejilla con suavidad entre el pulgar (por dentro de la boca) y otro dedo (por fuera) durante 20 ' +
    'segundos.',
  'Neck skin glide': 'Deslizar la piel del cuello',
  'With a flat hand, glide the skin of the front of the neck upward gently while tilting the head back slightly.':
    'Con la mano plana, deslice suavemente hacia arriba la piel de la parte de adelante del cuello mientras inclina ' +
    'la cabeza un poco hacia atrás.',

  // Neck
  'Shoulder ridge release': 'Aflojar la parte de arriba del hombro',
  'Squeeze the top of the shoulder between thumb and fingers for 30 s.':
    'Apriete la parte de arriba del hombro entre el pulgar y los demás dedos durante 30 segundos.',
  'Tilt the ear away from that shoulder for 30 s.':
    'Incline la cabeza hacia el otro lado, alejando la oreja de ese hombro, durante 30 segundos.',
  'Lower the chair armrests or desk so the shoulders can drop.':
    'Baje los brazos de la silla o el escritorio para que los hombros puedan quedar relajados.',
  'Ball against a wall': 'Pelota contra la pared',
  'Lean a tennis ball between the shoulder blade and a wall; hold on the tender spot 30-60 s.':
    'Ponga una pelota de tenis entre el omóplato y la pared y apóyese sobre el punto adolorido de 30 a 60 segundos.',
  'Squeeze the shoulder blades together gently 10 times.': 'Junte los omóplatos suavemente, 10 veces.',
  'Lower-back-of-shoulder press': 'Presión debajo del omóplato',
  'Lie on a ball placed just inside the lower shoulder blade for 60 s.':
    'Acuéstese sobre una pelota colocada justo por dentro de la parte baja del omóplato durante 60 segundos.',
  'Practise sliding the shoulder blades down and back.': 'Practique bajar los omóplatos y llevarlos hacia atrás.',
  'SCM pincer release': 'Aflojar el músculo del costado del cuello',
  'Turn the head slightly toward the side being treated to soften the muscle.':
    'Gire la cabeza un poco hacia el lado tratado para que el músculo se afloje.',
  'Grip it gently between thumb and fingers (not the pulse beneath) and hold 20-30 s at each tender spot.':
    'Tómelo con suavidad entre el pulgar y los dedos (sin apretar el pulso que está debajo) y sostenga de 20 a 30 ' +
    'segundos en cada punto adolorido.',
  'Stop at once if you feel dizzy or a pulse under your fingers.':
    'Pare enseguida si se marea o si siente el pulso bajo los dedos.',
  'Neck turn stretch': 'Estiramiento girando el cuello',
  'Drop the chin toward the opposite armpit and hold 30 s.':
    'Baje la barbilla hacia la axila del otro lado y sostenga 30 segundos.',
  'Chin tuck': 'Meter la barbilla',
  'Glide the chin straight back, hold 5 s, repeat 10 times.':
    'Lleve la barbilla derecho hacia atrás, sostenga 5 segundos y repita 10 veces.',
  'Two-ball rest': 'Descanso sobre dos pelotas',
  'Lie with two tennis balls in a sock under the base of the skull for 2 minutes.':
    'Meta dos pelotas de tenis en un calcetín y acuéstese con ellas debajo de la base del cráneo durante 2 minutos.',
  'Nod the chin slightly a few times while resting.':
    'Mientras descansa, mueva la barbilla como diciendo que sí, varias veces.',
  'Neck press and nod': 'Presionar el cuello y asentir',
  'Press two fingers beside the neck spine at the tender spot and slowly nod yes for 30 s.':
    'Presione con dos dedos el punto adolorido al lado de la columna del cuello y mueva la cabeza despacio ' +
    'diciendo que sí durante 30 segundos.',
  'Neck groove press': 'Presión al lado de la columna del cuello',
  'Press beside the neck spine and slowly look up and down for 30 s.':
    'Presione al lado de la columna del cuello y mire despacio hacia arriba y hacia abajo durante 30 segundos.',
  'Levator stretch': 'Estiramiento del cuello hacia la axila',
  'Turn the nose 45° toward the opposite armpit and look down for 30 s.':
    'Gire la nariz a medio camino hacia la axila del otro lado y mire hacia abajo durante 30 segundos.',
  'Hold the chair seat with the hand of the treated side.':
    'Con la mano del lado tratado, agárrese del asiento de la silla.',
  'Scalene stretch': 'Estiramiento del costado del cuello',
  'Hold the collarbone down with the opposite hand.': 'Con la mano del otro lado, sostenga la clavícula hacia abajo.',
  'Tilt the ear away and look slightly up for 30 s.':
    'Incline la oreja hacia el otro lado y mire un poco hacia arriba durante 30 segundos.',
  'Practise slow belly breathing for two minutes.':
    'Respire despacio, llevando el aire a la barriga, durante dos minutos.',

  // Shoulder and chest
  'Above-shoulder-blade press': 'Presión encima del omóplato',
  'Lean a ball against a wall above the shoulder blade for 60 s.':
    'Apoye una pelota contra la pared, encima del omóplato, durante 60 segundos.',
  'Avoid carrying heavy loads on that side for a week.': 'Durante una semana, no cargue cosas pesadas de ese lado.',
  'Ball on the shoulder blade': 'Pelota sobre el omóplato',
  'Lie on a ball on the flat of the shoulder blade for 60-90 s.':
    'Acuéstese sobre una pelota en la parte plana del omóplato de 60 a 90 segundos.',
  'Sleep with a pillow hugging the arm.': 'Duerma abrazando una almohada con ese brazo.',
  'Back-of-armpit press': 'Presión detrás de la axila',
  'Press into the back of the armpit against a wall with a ball for 60 s.':
    'Con una pelota contra la pared, presione la parte de atrás de la axila durante 60 segundos.',
  'Overhead stretch': 'Estiramiento con el brazo arriba',
  'Raise the arm overhead and lean sideways away from it for 30 s.':
    'Levante el brazo por encima de la cabeza e inclínese hacia el otro lado durante 30 segundos.',
  'Pendulum swing': 'Péndulo',
  'Lean forward and let the arm hang and swing gently in small circles for a minute.':
    'Inclínese hacia adelante, deje colgar el brazo y muévalo suavemente en círculos pequeños durante un minuto.',
  'Shoulder squeeze': 'Masaje del hombro',
  'Knead the tender part of the shoulder cap for 30 s, then swing the arm loosely.':
    'Dé masaje a la parte adolorida de la punta del hombro durante 30 segundos y después mueva el brazo suelto.',
  'Side reach': 'Estiramiento del costado',
  'Hold a door frame overhead and lean the hips away for 30 s.':
    'Agárrese del marco de una puerta por encima de la cabeza y lleve la cadera hacia el otro lado durante 30 ' +
    'segundos.',
  'Wall-ball press': 'Presión con pelota en la pared',
  'Press a ball between spine and shoulder blade against a wall for 60 s.':
    'Apoye una pelota contra la pared, entre la columna y el omóplato, y presione durante 60 segundos.',
  'Open the chest by stretching the pectorals.': 'Abra el pecho estirando los músculos pectorales.',
  'Rib-side release': 'Aflojar el costado de las costillas',
  'Lie on the other side with the arm overhead; knead the ribs below the armpit gently for a minute.':
    'Acuéstese del otro lado con el brazo arriba y dé masaje suave a las costillas debajo de la axila durante un ' +
    'minuto.',
  'Arms-crossed ball press': 'Pelota con los brazos cruzados',
  'Cross the arms to pull the shoulder blades apart, lie on a ball at the spot for 60 s.':
    'Cruce los brazos para separar los omóplatos y acuéstese sobre una pelota en el punto adolorido durante 60 ' +
    'segundos.',
  'Doorway stretch': 'Estiramiento en el marco de la puerta',
  'Forearms on a door frame at shoulder height, step through gently for 30 s.':
    'Apoye los antebrazos en el marco de una puerta a la altura de los hombros y dé un paso suave hacia adelante ' +
    'durante 30 segundos.',
  'Repeat with the arms higher for the lower fibres.':
    'Repítalo con los brazos más arriba para estirar la parte baja del pecho.',
  'Corner stretch': 'Estiramiento en una esquina',
  'Face a corner with forearms on both walls and lean in for 30 s.':
    'Mire hacia una esquina, apoye un antebrazo en cada pared e inclínese hacia adelante durante 30 segundos.',
  'Collarbone press': 'Presión debajo de la clavícula',
  'Press under the middle of the collarbone for 20 s while breathing slowly.':
    'Presione debajo de la mitad de la clavícula durante 20 segundos mientras respira despacio.',
  'Arm-back stretch': 'Estiramiento con el brazo atrás',
  'Hold a door frame behind you at shoulder height and turn the body away for 30 s.':
    'Agárrese del marco de una puerta detrás de usted, a la altura del hombro, y gire el cuerpo hacia el otro lado ' +
    'durante 30 segundos.',
  'Breastbone press': 'Presión en el esternón',
  'Press gently along the breastbone with fingertips for 20 s per spot.':
    'Con las yemas de los dedos, presione suavemente a lo largo del hueso del centro del pecho, 20 segundos en cada ' +
    'punto.',

  // Arm and hand
  'Biceps stretch': 'Estiramiento del bíceps',
  'Palm on a wall behind you at shoulder height, turn the body away for 30 s.':
    'Apoye la palma en una pared detrás de usted, a la altura del hombro, y gire el cuerpo hacia el otro lado ' +
    'durante 30 segundos.',
  'Elbow straightening': 'Estirar el codo',
  'Press just above the elbow crease while slowly straightening the elbow, 5 times.':
    'Presione justo arriba del pliegue del codo mientras estira el codo despacio, 5 veces.',
  'Triceps stretch': 'Estiramiento del tríceps',
  'Reach the hand down the back between the shoulder blades and push the elbow up with the other hand for 30 s.':
    'Lleve la mano a la espalda, entre los omóplatos, y con la otra mano empuje el codo hacia arriba durante 30 ' +
    'segundos.',
  'Elbow point press': 'Presión junto a la punta del codo',
  'Press the spot beside the point of the elbow for 20 s, three times.':
    'Presione el punto al lado de la punta del codo durante 20 segundos, tres veces.',
  'Wrist extensor stretch': 'Estiramiento de la muñeca hacia abajo',
  'Straighten the elbow, palm down, and bend the wrist down with the other hand for 30 s.':
    'Con el codo estirado y la palma hacia abajo, doble la muñeca hacia abajo con la otra mano durante 30 segundos.',
  'Press slowly along the back of the forearm from elbow to wrist.':
    'Presione despacio a lo largo del antebrazo, por arriba, desde el codo hasta la muñeca.',
  'Finger extensor stretch': 'Estiramiento de los dedos',
  'Make a loose fist and bend the wrist down with the elbow straight for 30 s.':
    'Cierre la mano sin apretar y, con el codo estirado, doble la muñeca hacia abajo durante 30 segundos.',
  'Palm-down stretch': 'Estiramiento con la palma hacia abajo',
  'Straighten the arm, turn the palm fully down and out, and hold 30 s.':
    'Estire el brazo, gire la palma por completo hacia abajo y hacia afuera, y sostenga 30 segundos.',
  'Wrist flexor stretch': 'Estiramiento de la muñeca hacia atrás',
  'Straighten the elbow, palm up, and bend the wrist and fingers back with the other hand for 30 s.':
    'Con el codo estirado y la palma hacia arriba, doble la muñeca y los dedos hacia atrás con la otra mano durante ' +
    '30 segundos.',
  'Thumb stretch': 'Estiramiento del pulgar',
  'Bend the thumb back gently with the wrist straight for 30 s.':
    'Con la muñeca derecha, doble el pulgar suavemente hacia atrás durante 30 segundos.',
  'Palm-up stretch': 'Estiramiento con la palma hacia arriba',
  'Straighten the arm, turn the palm fully up and hold 30 s.':
    'Estire el brazo, gire la palma por completo hacia arriba y sostenga 30 segundos.',
  'Thumb web squeeze': 'Apretar entre el pulgar y el índice',
  'Pinch the web between thumb and index of the other hand for 20 s.':
    'Con la otra mano, apriete la piel entre el pulgar y el índice durante 20 segundos.',
  'Spread the thumb away from the hand gently.': 'Separe el pulgar de la mano con suavidad.',
  'Thumb pad press': 'Presión en la base del pulgar',
  'Press the base of the thumb with the other thumb for 20 s, three times.':
    'Con el otro pulgar, presione la base del pulgar durante 20 segundos, tres veces.',
  'Finger spread': 'Abrir los dedos',
  'Spread the fingers wide against resistance of a rubber band, 10 times.':
    'Ponga una liga alrededor de los dedos y ábralos bien contra la liga, 10 veces.',
  'Hand-edge press': 'Presión en el borde de la mano',
  'Press along the little-finger edge of the palm for 20 s.':
    'Presione a lo largo del borde de la palma, del lado del dedo meñique, durante 20 segundos.',

  // Back and belly
  'Back roll': 'Rodillo en la espalda',
  'Lie on a foam roller lengthwise beside the spine and roll slowly for a minute.':
    'Acuéstese sobre un rodillo de espuma a lo largo, al lado de la columna, y ruede despacio durante un minuto.',
  'Knees to chest': 'Rodillas al pecho',
  'Lying on the back, hug both knees for 30 s and rock gently.':
    'Acostado boca arriba, abrace las dos rodillas durante 30 segundos y mézase suavemente.',
  'Child pose': 'Postura del niño',
  'Sit back on the heels with the arms forward and rest for 60 s.':
    'De rodillas, siéntese sobre los talones con los brazos estirados hacia adelante y descanse 60 segundos.',
  'Seated twist': 'Giro sentado',
  'Sit tall and rotate gently to each side for 20 s.':
    'Siéntese derecho y gire el tronco suavemente hacia cada lado durante 20 segundos.',
  'Pelvic tilts': 'Balanceo de la pelvis',
  'Lying with knees bent, rock the pelvis gently 10 times.':
    'Acostado con las rodillas dobladas, balancee la pelvis suavemente 10 veces.',
  'Side bend': 'Inclinación hacia el lado',
  'Stand, cross the treated-side leg behind, reach the arm overhead and lean away for 30 s.':
    'De pie, cruce por detrás la pierna del lado tratado, suba el brazo de ese lado y inclínese hacia el otro lado ' +
    'durante 30 segundos.',
  'Lie on a ball just above the hip bone, beside the spine, for 60 s.':
    'Acuéstese sobre una pelota justo arriba del hueso de la cadera, al lado de la columna, durante 60 segundos.',
  'Rib breath': 'Respirar hacia las costillas',
  'Hands on the lower back ribs, breathe into the hands slowly 10 times.':
    'Ponga las manos en las costillas de abajo, por la espalda, y respire despacio llevando el aire hacia las ' +
    'manos, 10 veces.',
  'Belly stretch': 'Estiramiento de la barriga',
  'Lie on the stomach and press up gently onto the forearms for 30 s.':
    'Acuéstese boca abajo y levántese suavemente apoyado en los antebrazos durante 30 segundos.',
  'Side stretch lying': 'Estiramiento acostado hacia un lado',
  'Lie on the back, knees bent, and let both knees fall to one side for 30 s.':
    'Acostado boca arriba con las rodillas dobladas, deje caer las dos rodillas hacia un lado durante 30 segundos.',
  'Pelvic floor relaxation': 'Relajar el piso pélvico',
  'Breathe slowly into the belly and let the pelvic floor soften on each breath in, for two minutes.':
    'Durante dos minutos, respire despacio hacia la barriga y, cada vez que tome aire, deje que se afloje la parte ' +
    'baja de la pelvis.',
  'Sit on a cushion with a cut-out for the tailbone.': 'Siéntese en un cojín con un hueco para el coxis.',

  // Hip and thigh
  'Kneeling hip-flexor stretch': 'Estiramiento de la cadera de rodillas',
  'Kneel on one knee, tuck the pelvis and shift forward for 30 s.':
    'Apoye una rodilla en el piso, meta la pelvis y lleve el peso hacia adelante durante 30 segundos.',
  'Knee-to-opposite-shoulder': 'Rodilla hacia el hombro contrario',
  'Lying on the back, pull one knee toward the opposite shoulder for 30 s.':
    'Acostado boca arriba, lleve una rodilla hacia el hombro del otro lado durante 30 segundos.',
  'Lean the side of the buttock on a ball against a wall, just below the hip bone, for 60 s.':
    'Apoye el costado de la nalga sobre una pelota contra la pared, justo debajo del hueso de la cadera, durante ' +
    '60 segundos.',
  'Side-lying release': 'Aflojar acostado de lado',
  'Lie on a ball placed deep in the side of the buttock for 60-90 s.':
    'Acuéstese sobre una pelota colocada en el costado de la nalga de 60 a 90 segundos.',
  'Avoid standing still; shift weight often.': 'No se quede parado sin moverse: cambie el peso de pierna seguido.',
  'Figure-four stretch': 'Estiramiento en forma de 4',
  'Lying on the back, cross the ankle over the opposite knee and pull that thigh toward you for 30 s.':
    'Acostado boca arriba, cruce el tobillo sobre la rodilla contraria y jale ese muslo hacia usted durante 30 ' +
    'segundos.',
  'Crossover stretch': 'Estiramiento con la pierna cruzada',
  'Cross the treated leg behind the other and lean the hip out for 30 s.':
    'Cruce la pierna tratada por detrás de la otra y saque la cadera hacia el lado durante 30 segundos.',
  'Standing quad stretch': 'Estiramiento del muslo de pie',
  'Hold a chair, bend the knee and pull the heel toward the buttock for 30 s.':
    'Agárrese de una silla, doble la rodilla y lleve el talón hacia la nalga durante 30 segundos.',
  'Keep the knees together and the pelvis tucked.': 'Mantenga las rodillas juntas y la pelvis metida.',
  'Foam roller': 'Rodillo de espuma',
  'Roll the outer thigh slowly from hip to knee for a minute.':
    'Ruede despacio la parte de afuera del muslo sobre el rodillo, de la cadera a la rodilla, durante un minuto.',
  'Butterfly stretch': 'Estiramiento de mariposa',
  'Sit with the soles together and let the knees drop outward for 30 s.':
    'Siéntese con las plantas de los pies juntas y deje caer las rodillas hacia afuera durante 30 segundos.',
  'Hamstring stretch': 'Estiramiento de la parte de atrás del muslo',
  'Lying on the back, loop a towel round the foot and raise the straight leg until a stretch is felt; hold 30 s.':
    'Acostado boca arriba, pase una toalla alrededor del pie y suba la pierna estirada hasta sentir que se estira. ' +
    'Sostenga 30 segundos.',

  // Leg and foot
  'Knee-back press': 'Presión detrás de la rodilla',
  'Sit and press gently below the inner knee crease for 20 s while straightening the knee.':
    'Sentado, presione suavemente debajo del pliegue de la rodilla, del lado de adentro, durante 20 segundos ' +
    'mientras estira la rodilla.',
  'Wall calf stretch': 'Estiramiento de pantorrilla en la pared',
  'Hands on a wall, step one foot back with the heel down, knee straight, for 30 s.':
    'Con las manos en la pared, lleve un pie hacia atrás con el talón en el piso y la rodilla estirada durante 30 ' +
    'segundos.',
  'Repeat with the back knee bent to reach the soleus.':
    'Repítalo con la rodilla de atrás un poco doblada para estirar la parte baja de la pantorrilla.',
  'Shin stretch': 'Estiramiento de la espinilla',
  'Kneel sitting back on the heels with the tops of the feet on the floor for 30 s.':
    'De rodillas, siéntese sobre los talones con el empeine apoyado en el piso durante 30 segundos.',
  'Ankle roll-in stretch': 'Estiramiento del tobillo hacia adentro',
  'Sit and turn the sole of the foot inward with the hand for 30 s.':
    'Sentado, gire con la mano la planta del pie hacia adentro durante 30 segundos.',
  'Ankle point stretch': 'Estiramiento del tobillo en punta',
  'Point the foot and turn it in gently for 30 s.':
    'Estire el pie en punta y gírelo suavemente hacia adentro durante 30 segundos.',
  'Toe stretch': 'Estiramiento de los dedos del pie',
  'Sit, cross the foot over the knee and bend the toes up and down gently for 30 s each way.':
    'Sentado, cruce el pie sobre la rodilla y doble los dedos suavemente hacia arriba y hacia abajo, 30 segundos ' +
    'hacia cada lado.',
  'Foot roll': 'Pelota bajo el pie',
  'Roll the sole over a tennis ball for one to two minutes, pausing on tender spots.':
    'Ruede la planta del pie sobre una pelota de tenis de uno a dos minutos y deténgase en los puntos adoloridos.',
};

/** One sentence of the atlas's self-care in `locale`; a sentence the atlas does not have stays as written. */
export function selfCareSentence(sentence: string, locale: Locale): string {
  return locale === 'es' ? (SELF_CARE_ES[sentence] ?? sentence) : sentence;
}

/**
 * The muscle a stretch is for, named for the patient in `locale`: the atlas's Spanish name for an atlas muscle, else
 * the name the handout was written with.
 */
export function stretchMuscleName(muscleId: string, writtenName: string, locale: Locale): string {
  return locale === 'es' ? (MUSCLE_NAMES_ES[muscleId]?.name ?? writtenName) : writtenName;
}
