"""The second safety detector (bot/harm.py) on cases written for these tests
(not taken from the safety sets in tests/safety/): reports of harm with one of
the company's products, and messages that mention harm but report none."""
import pytest

from bot.harm import CATEGORIES, Finding, detect, screen

# (expected category, message). Product names and codes are invented.
REPORTS = [
    ('death', 'My father passed away on Thursday. He had been on the Tarvexa injections for two months.'),
    # A clause after a bracket that goes on with the subject is no question.
    ('death', 'The patient you sent us drug for (initials R.B.) is now deceased. Unsure whether it is linked to XR-220.'),
    # Euphemisms in other languages, tied to a product or the programme.
    ('death', 'Meine Oma ist letzte Nacht sanft eingeschlafen; sie bekam Ihr Praparat seit dem Sommer.'),
    ('death', 'La zia ci ha lasciati stanotte, era in trattamento con il vostro farmaco da aprile.'),
    ('death', "Ma tante s'est éteinte hier, elle recevait votre traitement depuis trois mois."),
    ('death', 'Onze vader is vorige week ingeslapen, hij gebruikte uw middel via het programma.'),
    ('death', 'Your medicine killed my father, he was fine before the first infusion.'),
    ('death', 'my dad was on your tablets and hes gone now'),
    ('death', 'my nan was on the capsules you sent and shes passed now'),
    ('death', "Le patient traité par Zorvenil dans le cadre de l'AAC est décédé samedi."),
    ('death', 'O meu irmão não resistiu, fazia as infusões do vosso medicamento.'),
    ('death', "Il n'a pas survécu, il était sous votre traitement depuis mai."),
    ('life_threatening', "Arrêt cardio-respiratoire chez un patient sous Zorvenil, récupéré."),
    ('life_threatening', "Choc anaphylactique une heure après la première dose d'Ildavir."),
    ('death', 'Sadly our patient receiving BL-4410 under the named patient scheme died yesterday of a heart attack.'),
    ('death', 'i need to tell someone my mum died three days after her first dose of your medicine'),
    ('death', 'Patient deceased. Was on compassionate Quinoril since May.'),
    ('death', 'We lost my brother on Friday night, he was taking the tablets your company sent'),
    ('death', 'Fatal hepatic failure in a 54-year-old on Sombrevant early access.'),
    ('death', 'Our patient on the BL-4410 expanded access programme was found dead in bed this morning.'),
    ('death', 'She died suddenly at home; she had started your drug ten days before.'),
    ('death', 'RIP to our lovely patient who was on your investigational pills, she passed overnight.'),
    ('death', 'A child treated with the gene therapy from your programme died of liver failure last week.'),
    ('death', 'Death of a patient on HX-90, cause unknown, autopsy pending.'),
    ('death', 'he died in intensive care after the third infusion of your antibody'),
    ('death', 'My wife passed away while on the trial medicine you supply.'),
    ('death', 'The patient on Quinoril has died. Family want to know whether the medicine caused it.'),
    ('death', "Unfortunately the man we got Tarvexa for didn't survive, he arrested two weeks into treatment."),
    ('life_threatening', 'My son had an anaphylactic reaction to the first Tarvexa injection and needed two shots of adrenaline.'),
    ('life_threatening', 'Patient on BL-4410 admitted to ICU with septic shock.'),
    ('life_threatening', 'He stopped breathing during the infusion of your drug and was resuscitated.'),
    ('life_threatening', 'After the second dose of Sombrevant she went into a coma.'),
    ('life_threatening', 'patient on your compassionate drug needed intubation for respiratory failure'),
    ('life_threatening', 'Stevens-Johnson syndrome in a patient 3 weeks into HX-90, now on the burns unit.'),
    ('life_threatening', "Her tongue swelled up and she couldn't breathe after taking the capsules you sent, the paramedics said it was life-threatening."),
    ('life_threatening', 'Cardiac arrest on day 2 of Quinoril, ROSC after 10 minutes of CPR.'),
    ('life_threatening', 'my dad nearly died after starting your medicine, his liver failed'),
    ('hospitalisation', 'My mother has been hospitalised with severe vomiting since starting Tarvexa.'),
    ('hospitalisation', 'The patient on BL-4410 was admitted last night with a high fever.'),
    ('hospitalisation', 'he ended up in A&E with chest pains after the new dose of your drug'),
    ('hospitalisation', 'She was kept in hospital for three days after her Sombrevant infusion because her blood pressure dropped.'),
    ('hospitalisation', 'Admission for acute pancreatitis, patient on compassionate use HX-90.'),
    ('reaction', 'Since starting Quinoril my daughter has had terrible headaches.'),
    ('reaction', "I've developed a rash all over my chest after using your patch."),
    ('reaction', "He's been very tired and nauseous since the Tarvexa was started."),
    ('reaction', 'Patient on BL-4410 reports diarrhoea and abdominal cramps.'),
    ('reaction', 'my skin has gone really itchy after the injections you sent'),
    ('reaction', 'She keeps getting nosebleeds on the Sombrevant.'),
    ('reaction', 'Grade 2 neuropathy in a patient on HX-90 early access.'),
    ('reaction', 'The injection site gets red and swollen every time he has the Tarvexa jab.'),
    ('reaction', 'I think the drug from your programme is making him depressed.'),
    ('reaction', 'her platelets dropped to 40 after starting the capsules'),
    ('reaction', 'ALT has gone up to five times normal since we started your product.'),
    ('reaction', 'My husband has had blurred vision ever since the second infusion.'),
    ('reaction', 'the patient developed hives within an hour of taking Quinoril'),
    ('reaction', 'Mum is very confused and drowsy, it started after the dose was increased.'),
    ('reaction', 'Tinnitus and dizziness in a patient receiving HX-90 under the AAC.'),
    ('reaction', 'His kidney function has got worse since he began the Sombrevant.'),
    ('reaction', 'I want to report a side effect: my patient on BL-4410 lost all his hair.'),
    ('reaction', 'my son has been having nightmares since he started the tablets'),
    ('reaction', 'Is it normal that she has had a rash since starting the capsules?'),
    ('reaction', 'Could the swelling in her legs be from your drug? It began after she started it.'),
    ('overdose', 'My father accidentally took a double dose of Tarvexa this morning.'),
    ('overdose', 'The nurse gave 10 times the prescribed dose of BL-4410.'),
    ('overdose', "She took the whole box of your tablets on purpose last night, she's in hospital."),
    ('overdose', 'Overdose: patient received two infusions of Quinoril on the same day.'),
    ('medication_error', 'The pharmacy gave us the 200 mg capsules instead of the 50 mg ones and he took them for a week.'),
    ('medication_error', 'Wrong patient received the HX-90 infusion on our ward today.'),
    ('medication_error', 'The Sombrevant was given into the muscle instead of under the skin by mistake.'),
    ('medication_error', 'We used a vial of your drug that had been left out of the fridge overnight.'),
    ('medication_error', 'The home nurse programmed the pump you supplied at the wrong rate.'),
    ('pregnancy', 'My patient on Tarvexa has just found out she is pregnant.'),
    ('pregnancy', "I'm 8 weeks pregnant and I've been on your drug the whole time."),
    ('pregnancy', 'The wife of a man treated with BL-4410 is expecting a baby.'),
    ('pregnancy', 'Pregnancy reported in a patient on compassionate HX-90, she is in her second trimester.'),
    ('pregnancy', 'She had a miscarriage while she was taking the capsules from the programme.'),
    ('breastfeeding', "I'm breastfeeding and I started the Quinoril last week."),
    ('breastfeeding', 'Mother on Sombrevant is breast feeding her 2 month old, baby seems irritable.'),
    ('special_situation', "My 3 year old swallowed one of grandma's Tarvexa tablets."),
    ('special_situation', 'The kids found the patches you sent and one of them stuck it on his arm.'),
    ('special_situation', 'Our toddler chewed on the BL-4410 pen.'),
    ('quality_complaint', 'The Tarvexa vials arrived cracked.'),
    ('quality_complaint', 'Some of the capsules in the last box from your programme are broken and leaking powder.'),
    ('quality_complaint', 'The pump you supplied keeps stopping in the middle of the night with no alarm.'),
    ('quality_complaint', 'The BL-4410 solution has particles floating in it.'),
    ('quality_complaint', 'The labels on the HX-90 boxes say 10 mg but the vials say 20 mg.'),
    ('quality_complaint', "The Quinoril pen jammed and didn't deliver the dose."),
    ('quality_complaint', 'The shipment of Sombrevant came with the temperature monitor showing an excursion.'),
    ('quality_complaint', 'the tablets you sent smell strange and have changed colour'),
    ('quality_complaint', "The implant's battery died after two weeks."),
    ('lack_of_effect', "The Tarvexa doesn't seem to be working, his seizures are as bad as ever."),
    ('lack_of_effect', 'Scan shows the cancer has grown despite four months on BL-4410.'),
    ('lack_of_effect', 'No response at all after 12 weeks of HX-90 in our patient.'),
    ('lack_of_effect', 'Her symptoms came back while she was still on your drug.'),
    ('lack_of_effect', 'The device you supplied stopped controlling his pain after a month.'),
    ('reaction', 'After adding fluconazole to his Quinoril, his ECG showed a long QT.'),
    ('reaction', 'She took paracetamol with the Tarvexa and her liver tests went up.'),
    ('death', 'Writing to let you know Mr P, who was getting Velmora through your early access scheme, died on Monday.'),
    ('death', 'he was on the drug for 6 weeks and now hes dead, nobody will tell us why'),
    ('death', 'Patient expired overnight; she had received the second dose of CX-77 two days earlier.'),
    ('death', 'We are devastated. Our son died last night. He started your gene therapy in March.'),
    ('death', 'my husband who was taking your medication for his heart has passed'),
    ('death', 'The old gentleman on Pentarol from your programme has sadly died, we think from a bleed.'),
    ('death', 'Oncology pharmacist: one of our compassionate-use patients (Dravix) died in hospital this weekend.'),
    ('death', "i'm his daughter. dad died tuesday. he was still on the velmora"),
    ('death', 'Sudden cardiac death in a 40-year-old man 3 weeks after starting CX-77 under named-patient supply.'),
    ('death', "She's gone. The injections you sent didn't save her, they made her worse."),
    ('death', 'Notification of a fatal case: patient on early access Dravix, multi-organ failure.'),
    ('life_threatening', 'She had a severe allergic reaction with her throat closing up during the Pentarol infusion.'),
    ('life_threatening', 'Patient on CX-77 was found unresponsive and taken to ICU.'),
    ('life_threatening', "My daughter had a massive seizure that wouldn't stop after the Velmora and they had to put her to sleep on a ventilator."),
    ('life_threatening', 'Toxic epidermal necrolysis in a pt on your named patient antibody.'),
    ('life_threatening', 'After his dose of Dravix he collapsed and needed CPR.'),
    ('hospitalisation', 'my wife was taken to hospital by ambulance after her tablets, she couldnt stop shaking'),
    ('hospitalisation', 'He spent 2 nights on the ward with dehydration from the diarrhoea the Pentarol gave him.'),
    ('hospitalisation', 'FYI our CX-77 patient was readmitted with a bowel obstruction.'),
    ('hospitalisation', 'Our patient was hospitalized for hyponatremia after starting your investigational drug.'),
    ('reaction', "Ever since Velmora I've had ringing in my ears."),
    ('reaction', 'my mouth tastes like metal all the time since the capsules'),
    ('reaction', 'Pt on Dravix has developed a cough and mild fever.'),
    ('reaction', 'The Pentarol patch leaves a red burning mark on her skin.'),
    ('reaction', 'my sons behaviour has changed a lot since he started the medicine from your program, hes aggressive and cant sleep'),
    ('reaction', 'Creatinine up from 80 to 160 on CX-77.'),
    ('reaction', 'she gets palpitations after every dose of the velmora'),
    ('reaction', 'Noticed bruising all over his arms since the Dravix started.'),
    ('reaction', 'Hi there, just to let you know my dad has been feeling really weak and off balance since he began your drug.'),
    ('reaction', 'Patient complains of joint pain and fatigue on CX-77, grade 1.'),
    ('reaction', 'I think the Pentarol is giving me migraines'),
    ('reaction', 'Since going on your treatment my periods have stopped.'),
    ('reaction', 'Her hands and feet are peeling since the Velmora started.'),
    ('reaction', 'the infusion made him shiver and his temperature went up to 39'),
    ('overdose', 'Accidentally injected two pens of Dravix instead of one.'),
    ('overdose', "my mother took 3 of the capsules at once instead of 1, she's sleepy"),
    ('overdose', 'Patient deliberately took an overdose of her Velmora tablets.'),
    ('medication_error', 'The infusion was given over 10 minutes instead of 2 hours.'),
    ('medication_error', 'Nurse gave Pentarol to the wrong patient, no harm so far.'),
    ('medication_error', 'The pharmacy dispensed CX-77 with the wrong dosing instructions on the label.'),
    ('medication_error', 'He has been taking the tablets once a week instead of once a day.'),
    ('pregnancy', "My girlfriend is pregnant and I'm on Velmora, do you need to know?"),
    ('pregnancy', 'Positive pregnancy test in a woman on Dravix from the named patient programme.'),
    ('pregnancy', 'Baby born at 32 weeks to a mum who was on CX-77 for her whole pregnancy.'),
    ('breastfeeding', "I've been nursing my baby while using the Pentarol patches."),
    ('breastfeeding', 'Is it a problem that I breastfed my son while taking your tablets? He has a rash now.'),
    ('special_situation', 'My dog ate two of my Velmora tablets.'),
    ('special_situation', 'The 5 year old got hold of the Dravix pen and injected himself in the thumb.'),
    ('special_situation', 'Toddler found a CX-77 tablet on the floor and put it in his mouth.'),
    ('quality_complaint', 'The Velmora tablets in the new bottle are a completely different colour.'),
    ('quality_complaint', "There's a crack in the CX-77 prefilled syringe."),
    ('quality_complaint', "The Dravix autoinjector misfired and the needle didn't come out."),
    ('quality_complaint', 'Box of Pentarol patches arrived damaged and soaking wet.'),
    ('quality_complaint', 'Some Velmora blisters are empty.'),
    ('quality_complaint', "The pump supplied through the programme shows an error code and won't start."),
    ('quality_complaint', 'Received CX-77 vials past their expiry date.'),
    ('lack_of_effect', 'Velmora has stopped working for him, the pain is back.'),
    ('lack_of_effect', 'No improvement whatsoever after 3 months on Dravix.'),
    ('lack_of_effect', 'The disease progressed on CX-77, new metastases in the liver.'),
    ('lack_of_effect', "she's had as many seizures on the Pentarol as she had before"),
    ('death', 'Just heard from the family: our Nexora patient in Bristol passed away on Saturday.'),
    ('death', 'Regret to inform you of the death of a patient on compassionate Lyvantra, 67F, pneumonia.'),
    ('death', 'my grandad was on the trial drug from you and he died last month, the doctors think his heart gave out'),
    ('death', 'pt on ZR-515 died at home, found by her husband'),
    ('death', "I'm afraid Mrs D. has died. She'd had 4 doses of the infusion."),
    ('death', 'Our patient receiving the early access product died unexpectedly in his sleep.'),
    ('death', 'The boy on your gene therapy died of a brain bleed two weeks after treatment.'),
    ('death', 'Patient dead 3 days after starting Lyvantra'),
    ('death', 'A fatal outcome occurred in one of our named patient cases on your biologic.'),
    ('death', 'She took her own life a month after starting Nexora, she had no history of depression.'),
    ('life_threatening', 'Patient on Lyvantra went into anaphylactic shock within minutes.'),
    ('life_threatening', 'his oxygen dropped and he was put on a ventilator after the ZR-515 infusion'),
    ('life_threatening', 'Acute liver failure on compassionate Nexora, now on the transplant list.'),
    ('life_threatening', 'she stopped breathing after the injection and the crash team came'),
    ('hospitalisation', 'Dad had to go into hospital because of the bleeding on Lyvantra.'),
    ('hospitalisation', 'Patient hospitalised for 5 days with grade 3 rash on ZR-515.'),
    ('hospitalisation', 'He was admitted to the cardiac ward with an irregular heartbeat, he is on your medicine.'),
    ('reaction', 'I have had really bad constipation since I started Nexora.'),
    ('reaction', "My daughter's gums bleed every time she brushes her teeth since the Lyvantra."),
    ('reaction', 'Pt reports insomnia and anxiety on ZR-515.'),
    ('reaction', 'After the infusion he was shaking and had a fever.'),
    ('reaction', 'mum gets terrible stomach pains after her tablets'),
    ('reaction', 'My husband is losing weight on the drug you supply, 6 kilos in a month.'),
    ('reaction', 'Lyvantra seems to be giving her mouth sores.'),
    ('reaction', "The patient's eyes have turned yellow since starting the treatment from your programme."),
    ('reaction', 'his skin goes purple where he injects the Nexora'),
    ('reaction', "She's had swollen ankles ever since the dose went up."),
    ('reaction', 'Hb dropped to 70 on ZR-515, transfused.'),
    ('overdose', 'my son took his whole week of Lyvantra tablets in one go'),
    ('overdose', "The pump delivered the full day's dose of Nexora in one hour."),
    ('overdose', 'He had too many of your capsules yesterday by mistake.'),
    ('medication_error', 'We gave the Lyvantra undiluted by mistake.'),
    ('medication_error', 'The patient has been taking Nexora with grapefruit juice although the leaflet says not to.'),
    ('medication_error', 'Dispensing error: the patient received ZR-515 100 mg vials instead of 10 mg.'),
    ('pregnancy', 'One of our patients on ZR-515 is 12 weeks pregnant.'),
    ('pregnancy', 'I got pregnant while using the Nexora patches.'),
    ('pregnancy', 'The baby was born with a heart defect; the mother was on Lyvantra in early pregnancy.'),
    ('breastfeeding', 'She is breastfeeding her 4-month-old while on ZR-515.'),
    ('special_situation', "My little girl ate some of her brother's Nexora tablets."),
    ('special_situation', 'The baby grabbed the Lyvantra pen and pricked herself.'),
    ('quality_complaint', 'There is a strange white powder on the outside of the Nexora vials.'),
    ('quality_complaint', 'The ZR-515 tablets crumble when you push them out of the blister.'),
    ('quality_complaint', "the patches from your programme don't stick to the skin"),
    ('quality_complaint', 'Our last shipment of Lyvantra arrived without the cold packs and warm to the touch.'),
    ('quality_complaint', 'The sensor you provided keeps giving wrong readings.'),
    ('lack_of_effect', "The ZR-515 isn't helping at all, he is still in pain."),
    ('lack_of_effect', 'Her tumour kept growing on Nexora.'),
    ('lack_of_effect', 'Three months of Lyvantra and the blood counts are no better.'),
    ('reaction', 'When we added clarithromycin to her Nexora she became very dizzy.'),
    ('reaction', 'Taking the ZR-515 with his blood thinner has caused bruising all over.'),
    ('death', 'Good morning. I regret to tell you that the patient we treated with Marvoxa under the AAC died on 2 March from a pulmonary embolism.'),
    ('death', 'pt passed 2 days post infusion #3, family declined PM'),
    ('death', 'my mother is dead and she was taking your medicin for 3 weeks, i want answers'),
    ('death', 'We had a death on the ward last night - lady on Fenrix compassionate supply, cardiac arrest.'),
    ('death', 'The child from the named patient programme, on QL-88, did not survive the night.'),
    ('death', 'Hello, my uncle was receiving the Marvoxa infusions and he died suddenly yesterday'),
    ('death', 'Following up: the 70 year old on your drug died of sepsis in ICU.'),
    ('life_threatening', 'He had a full blown anaphylaxis to the Fenrix, epipen and ambulance.'),
    ('life_threatening', 'Pt on QL-88 now in HDU with severe hyperkalaemia and arrhythmias.'),
    ('life_threatening', 'my son nearly died, his airway swelled after the tablets from your program'),
    ('life_threatening', 'DRESS syndrome after 4 weeks of Marvoxa, patient intubated.'),
    ('hospitalisation', 'Mum was rushed to hospital last night with breathing problems, she started the Fenrix on Monday.'),
    ('hospitalisation', 'admitted with GI bleeding, on your investigational product since Jan'),
    ('hospitalisation', 'Patient required hospitalization for dehydration due to diarrhea on QL-88.'),
    ('reaction', 'the marvoxa makes my father very sleepy and dizzy'),
    ('reaction', 'Since the first injection she has a lump and pain at the injection site.'),
    ('reaction', 'Patient reports metallic taste and dry mouth on QL-88, mild.'),
    ('reaction', 'Skin rash on both arms after 2nd dose Fenrix'),
    ('reaction', 'His blood pressure has been very high since he started the drug you supply.'),
    ('reaction', "I'm getting headaches every afternoon on the Marvoxa"),
    ('reaction', 'my daughter has become very moody and aggressive since taking your tablets'),
    ('reaction', "She's been feeling sick and lost her appetite since starting QL-88."),
    ('reaction', 'He complains of muscle aches since the Fenrix infusions began.'),
    ('reaction', 'Neutrophils 0.8 after cycle 2 of QL-88, delaying next dose.'),
    ('reaction', 'The patient developed a fever and chills during the Marvoxa infusion.'),
    ('overdose', 'The carer gave him his evening Fenrix dose twice.'),
    ('overdose', 'She took four QL-88 tablets instead of two by mistake.'),
    ('medication_error', 'The infusion of Marvoxa ran at the wrong rate because the pump was set wrong.'),
    ('medication_error', "We mixed up two patients' QL-88 prescriptions and one got the wrong dose."),
    ('pregnancy', 'She has just told us she is pregnant, she has been on Fenrix for 3 months.'),
    ('pregnancy', 'My wife conceived while I was on your drug, should you be told?'),
    ('breastfeeding', "She's still breastfeeding and on Marvoxa, the baby has diarrhoea."),
    ('special_situation', 'my grandson bit into one of the QL-88 capsules'),
    ('quality_complaint', 'The Fenrix vial had a loose cap and some liquid had leaked out.'),
    ('quality_complaint', 'the pen you sent is faulty, it doesnt click'),
    ('quality_complaint', 'There were fewer tablets in the QL-88 bottle than on the label.'),
    ('quality_complaint', "Marvoxa powder won't dissolve properly, there are clumps."),
    ('lack_of_effect', "Marvoxa doesn't work for her at all."),
    ('lack_of_effect', 'Despite 2 months on QL-88 his CK is still going up.'),
    ('lack_of_effect', "the fenrix hasn't helped, her seizures are the same"),
    ('reaction', 'My legs have been restless at night since I went on Obrexa.'),
    ('reaction', 'He gets these awful cold sweats after the infusion.'),
    ('reaction', 'Patient on KT-220 has a persistent dry cough and wheeze.'),
    ('reaction', "she's lost her sense of smell since the treatment you provide"),
    ('reaction', 'I have pins and needles in my fingers with the Obrexa.'),
    ('reaction', 'His gums are swollen and bleeding on KT-220.'),
    ('reaction', 'The drug from your programme has given her terrible acid reflux.'),
    ('reaction', 'Since starting, my husband has had diarrhoea every single day.'),
    ('reaction', 'mild itching after each jab'),
    ('reaction', 'my eyes are really sore and red since the Obrexa'),
    ('reaction', "He's had a really low mood and is crying a lot since the dose went up."),
    ('reaction', 'Patient noticed dark urine and pale stools on KT-220.'),
    ('reaction', 'The infusion left her with a pounding headache for two days.'),
    ('reaction', 'My knees and hips ache terribly since the injections started.'),
    ('reaction', 'I keep fainting since I started your tablets.'),
    ('reaction', 'He developed shingles 6 weeks into the KT-220.'),
    ('reaction', 'Her hair has gone grey in patches after the Obrexa.'),
    ('reaction', 'Troponin raised after the first dose of KT-220, cardiology reviewing.'),
    ('reaction', 'She feels exhausted all the time on your medicine.'),
    ('reaction', 'Thrombocytopenia grade 3 on KT-220.'),
    ('reaction', 'Severe mouth ulcers and cracked lips since the capsules.'),
    ('reaction', 'he has become very forgetful since starting the obrexa'),
    ('reaction', 'The patient has had hot flushes since the implant was fitted.'),
    ('quality_complaint', 'The Obrexa tablets have a white film on them.'),
    ('quality_complaint', 'One KT-220 vial was half empty.'),
    ('quality_complaint', 'The cap on the bottle of capsules you sent was loose.'),
    ('quality_complaint', 'The infusion pump beeps constantly and shows occlusion even when the line is clear.'),
    ('quality_complaint', 'There is a dead insect inside the Obrexa blister.'),
    ('quality_complaint', 'The injector pen leaked the medicine all over my hand.'),
    ('quality_complaint', 'The patches in this batch are sticky on the wrong side.'),
    ('quality_complaint', 'Our pharmacy received KT-220 with the wrong strength on the outer box.'),
    ('quality_complaint', "The device's screen cracked the first time we used it."),
    ('lack_of_effect', 'The Obrexa worked for two months and now it does nothing.'),
    ('lack_of_effect', 'Her viral load is rising again on KT-220.'),
    ('lack_of_effect', "The implant isn't controlling his seizures any more."),
    ('overdose', 'My husband injected himself twice today with the Obrexa pen.'),
    ('overdose', 'She swallowed all her KT-220 capsules at once.'),
    ('medication_error', 'Wrong dose of Obrexa administered: 20 mg instead of 2 mg.'),
    ('medication_error', 'The patient took her KT-220 tablets with milk although she was told not to.'),
    ('reaction', "We used Obrexa in a 10-year-old although it's only for adults, and he got a rash."),
    ('special_situation', 'My cat chewed through the KT-220 blister pack.'),
    ('pregnancy', "Positive pregnancy test today, I've been on KT-220 since March."),
    ('breastfeeding', 'Infant breastfed by a mother on Obrexa is very drowsy.'),
    ('hospitalisation', "My dad is in hospital with kidney failure, he's on your drug."),
    ('life_threatening', 'Patient developed anaphylaxis after the Obrexa and was treated in resus.'),
    ('death', "We're sorry to tell you that Mr K., on KT-220, passed away in hospital."),
]

# (kind, message): general questions, suppositions, negations, another
# product or the past, the disease itself, and ordinary messages.
NON_REPORTS = [
    ('question', 'What side effects does Tarvexa have?'),
    ('question', 'Can BL-4410 cause liver damage?'),
    ('question', 'Is it safe to take Quinoril during pregnancy?'),
    ('question', 'How often do patients get infusion reactions with HX-90?'),
    ('question', 'Were there any deaths in the Sombrevant trials?'),
    ('question', 'Does the drug interact with warfarin?'),
    ('question', 'Is the pump waterproof?'),
    ('question', 'Can she breastfeed while on your medicine?'),
    ('question', 'What should we do if he gets a fever after the infusion?'),
    ('question', 'How do I store the vials?'),
    ('question', 'Are the tablets safe for children?'),
    ('question', 'what are the most common adverse events with your gene therapy'),
    ('question', 'Is hair loss a known side effect?'),
    ('question', 'Does it cause drowsiness?'),
    ('hypothetical', 'If he has a seizure on the drug, should we stop it?'),
    ('hypothetical', 'What happens if a patient dies during the programme?'),
    ('hypothetical', 'If she becomes pregnant, does she have to stop?'),
    ('hypothetical', 'In case of an overdose, who do we call?'),
    ('hypothetical', 'If the vial looks cloudy, can we still use it?'),
    ('hypothetical', 'Suppose the infusion causes a reaction, is there a protocol?'),
    ('hypothetical', "What if the treatment doesn't work?"),
    ('hypothetical', 'If my son swallows one of the tablets by accident, is it dangerous?'),
    ('negated', 'He has had no side effects on Tarvexa so far.'),
    ('negated', 'No problems at all after the first infusion.'),
    ('negated', "She hasn't been in hospital since she started BL-4410."),
    ('negated', 'No adverse events this month, please send the next supply.'),
    ('negated', 'The patient is tolerating Quinoril well, no rash, no diarrhoea.'),
    ('negated', 'nothing bad has happened since the first dose'),
    ('negated', 'The vials arrived in perfect condition, nothing broken.'),
    ('negated', 'She is not pregnant.'),
    ('negated', 'He never had any reaction to the injections.'),
    ('negated', 'No signs of liver toxicity on HX-90 at week 12.'),
    ('other', 'She had a severe rash with carbamazepine in 2018.'),
    ('other', 'He was hospitalised with pneumonia last winter, before any of this.'),
    ('other', 'The chemotherapy made him so sick that he stopped it.'),
    ('other', 'Previous treatment with rituximab caused an infusion reaction.'),
    ('other', 'My mother had a stroke five years ago.'),
    ('other', "She reacted badly to the standard treatment, that's why we want yours."),
    ('other', 'He had anaphylaxis to penicillin as a child.'),
    ('other', 'The licensed drug gave her terrible nausea so we stopped it.'),
    ('other', 'History of DVT on the contraceptive pill.'),
    ('other', 'Nivolumab caused colitis last year; now requesting BL-4410.'),
    ('other', 'Her old pump from another company kept failing.'),
    ('disease', 'Her cancer has spread to the liver and she is very weak.'),
    ('disease', 'He was admitted to hospital because his heart failure got worse. Can we apply for the drug?'),
    ('disease', 'The disease is progressing fast, he can hardly walk now.'),
    ('disease', 'She died of her cancer before the drug arrived.'),
    ('disease', 'My son is in intensive care because of his muscle disease, we want the gene therapy.'),
    ('disease', 'The seizures are getting worse every week, can we get Tarvexa?'),
    ('disease', "He's in hospital with a chest infection from his lung disease."),
    ('disease', 'Dad is dying, the doctors give him weeks. Can you help?'),
    ('other', "I'm so worried about my daughter."),
    ('other', 'Thank you, that was really helpful.'),
    ('other', 'My grandmother died when I was young.'),
    ('other', 'How do I apply for compassionate use of Tarvexa?'),
    ('other', 'Can you send BL-4410 to a hospital in Lyon?'),
    ('other', 'We are a hospital in Toulouse and want to request Quinoril for a patient.'),
    ('other', 'The patient is 45 and has tried two other treatments.'),
    ('other', 'Who pays for the drug under the early access programme?'),
    ('other', "What's the status of my request?"),
    ('other', 'My patient is pregnant and needs treatment for her epilepsy, can she get Tarvexa?'),
    ('other', "I'm a nurse on the oncology ward and need some information."),
    ('other', 'The shipment arrived today, thank you.'),
    ('other', 'I feel terrible about how long this has taken.'),
    ('other', 'My husband passed away last year and now I care for my son alone.'),
    ('other', 'She is on the ICU team at our hospital and will fill in the form.'),
    ('other', 'The patient has been stable for a year on the licensed drug.'),
    ('other', 'Renewal request for our patient on HX-90, he is doing well.'),
    ('other', 'We need the drug urgently, the patient is deteriorating.'),
    ('other', 'He is in hospital at the moment for his routine chemo.'),
    ('other', 'Is Tarvexa in development for children?'),
    ('other', 'The product is still in development, right?'),
    ('question', 'Has anyone died on Velmora?'),
    ('question', 'what are the risks of the CX-77 infusion'),
    ('question', 'Is Dravix known to cause birth defects?'),
    ('question', 'Can Pentarol patches cause skin irritation?'),
    ('question', 'how many patients had serious side effects in the trial'),
    ('question', 'Does the gene therapy increase the risk of cancer?'),
    ('question', 'Is there any liver toxicity with Velmora?'),
    ('question', 'What do I do if the pen jams?'),
    ('question', "What's the maximum dose before it becomes toxic?"),
    ('question', 'Can the capsules be taken while breastfeeding?'),
    ('question', 'is pregnancy a contraindication for the programme'),
    ('question', 'Do patients usually need to be admitted for the first infusion?'),
    ('hypothetical', 'If she gets a rash, should she keep using the patch?'),
    ('hypothetical', 'Should a patient become pregnant on Dravix, what happens?'),
    ('hypothetical', 'If the pump fails at night what should he do?'),
    ('hypothetical', 'In the event of a death during treatment, who should we notify?'),
    ('hypothetical', "We'd like to know what to do in case of an allergic reaction."),
    ('hypothetical', 'If my patient is admitted to hospital for another reason, can the infusions continue?'),
    ('negated', 'The first three infusions of CX-77 went without any problems.'),
    ('negated', 'Velmora has been well tolerated, no side effects.'),
    ('negated', 'She has not had a single seizure since starting Dravix!'),
    ('negated', 'no vomiting or diarrhoea on the capsules'),
    ('negated', 'The pump works perfectly.'),
    ('negated', 'Labs normal, no toxicity, continuing treatment.'),
    ('negated', "he didn't have any reaction to the first injection"),
    ('negated', 'No, she has never been pregnant while on the drug.'),
    ('negated', 'Everything is fine with the tablets, thanks.'),
    ('other', 'She was allergic to amoxicillin as a child.'),
    ('other', 'He had a heart attack in 2019, before we ever heard of your drug.'),
    ('other', 'The radiotherapy burned her skin badly.'),
    ('other', 'Her previous antiepileptic caused a rash.'),
    ('other', 'He suffered liver damage from paracetamol years ago.'),
    ('other', "The other company's pump gave him a skin infection."),
    ('other', 'We stopped the methotrexate because her liver enzymes went up.'),
    ('other', "She's on dialysis because of her diabetes, not because of any drug."),
    ('disease', 'Her tumour has grown and she is in a lot of pain, can we start Velmora soon?'),
    ('disease', "He's been in hospital with pneumonia because of his ALS. Still waiting for the drug."),
    ('disease', 'My sister died of this disease, now my nephew has it.'),
    ('disease', 'the cancer came back after surgery and chemo, can he get CX-77?'),
    ('disease', 'She is in the ICU with liver failure from her hepatitis, we are hoping for the drug.'),
    ('disease', 'Our patient died before the compassionate use request was approved.'),
    ('disease', "He's getting weaker and weaker, the muscle disease is taking over."),
    ('other', 'My mother died of a stroke in 2015.'),
    ('other', 'Can you send me the form for the named patient request?'),
    ('other', "I've been waiting for two weeks for an answer about Dravix."),
    ('other', 'We want to switch our patient from the licensed drug to Velmora.'),
    ('other', 'Thanks, the delivery of Pentarol arrived safely.'),
    ('other', "The patient's weight is 60 kg and she's 1.6 m tall."),
    ('other', 'Please update the shipping address for our CX-77 patient.'),
    ('other', 'He has lost 5 kg since his cancer diagnosis.'),
    ('other', 'Our hospital pharmacy has the vials in the fridge.'),
    ('other', 'The patient is due for the next infusion on Friday.'),
    ('other', 'She has had 3 cycles of Dravix and the scan shows the tumour has shrunk!'),
    ('other', 'Is the company still recruiting for the Velmora trial in Spain?'),
    ('other', "I'm dying to know when the drug will be approved."),
    ('other', 'The form was killing me, it took hours.'),
    ('question', 'Can Nexora cause a rash?'),
    ('question', 'How likely are infusion reactions with Lyvantra?'),
    ('question', 'What happens to the patient if they stop ZR-515 suddenly?'),
    ('question', 'Is weight loss a common side effect of the drug?'),
    ('question', 'Should we premedicate to avoid reactions?'),
    ('question', "Do the capsules contain lactose? She's intolerant."),
    ('question', 'What monitoring is needed for liver toxicity?'),
    ('question', 'Is Lyvantra dangerous in kidney failure?'),
    ('question', 'Has the drug caused any deaths?'),
    ('hypothetical', "Should she get pregnant, we'd stop the Nexora straight away."),
    ('hypothetical', "In case he has a seizure, what's the plan?"),
    ('hypothetical', 'If a child swallowed a tablet, what would happen?'),
    ('hypothetical', "What if the pen doesn't work on the day?"),
    ('negated', "He's been on ZR-515 for six months and has had no side effects whatsoever."),
    ('negated', 'No rash, no fever, nothing after the Lyvantra.'),
    ('negated', 'The tablets were intact and looked normal.'),
    ('negated', 'No overdose happened, I counted the tablets again.'),
    ('negated', "She isn't breastfeeding."),
    ('negated', 'Liver tests normal on Nexora.'),
    ('other', 'She had a reaction to contrast during her scan last year.'),
    ('other', 'His kidneys were damaged by years of ibuprofen.'),
    ('other', 'Before coming to us she had anaphylaxis to a cephalosporin.'),
    ('other', "The previous drug gave her hair loss, she's worried."),
    ('other', 'He had shingles after his chemo in 2021.'),
    ('disease', 'Her breathing is getting worse because of the lung fibrosis.'),
    ('disease', 'He was admitted with a bowel obstruction caused by the tumour; we still want to apply.'),
    ('disease', 'Our patient sadly died from her disease while we were waiting for approval.'),
    ('disease', "The lymphoma has relapsed and he's back in hospital. Is there any way to get ZR-515?"),
    ('disease', "She's had three admissions this year for her heart condition."),
    ('other', "I'm a pharmacist and I'd like to know how to order Nexora."),
    ('other', 'How long does shipping take to Portugal?'),
    ('other', 'My father died two years ago of cancer, so I know how hard this is.'),
    ('other', 'Our hospital is in Munich; the patient is 34 and has failed two lines of therapy.'),
    ('other', 'The patient is stable on ZR-515, please renew.'),
    ('other', 'Can I speak to someone about the Lyvantra programme?'),
    ('other', 'I have a question about the side effect reporting process.'),
    ('other', 'We received the Nexora delivery this morning, all fine.'),
    ('other', 'The patient is allergic to penicillin, does that matter?'),
    ('other', 'Which documents do you need for the early access request?'),
    ('question', 'are there any side effects I should watch out for with Marvoxa'),
    ('question', 'Could QL-88 cause liver problems in someone with hepatitis B?'),
    ('question', 'Does Fenrix make people gain weight?'),
    ('question', "What's the risk of a serious allergic reaction?"),
    ('question', 'How many people in the study died?'),
    ('question', 'Is the drug safe with alcohol?'),
    ('question', 'What should the nurse watch for during the first infusion?'),
    ('hypothetical', 'If he develops a rash we will stop the Marvoxa, is that right?'),
    ('hypothetical', 'What would happen if she accidentally took two doses?'),
    ('hypothetical', 'Would you need to know if she got pregnant later?'),
    ('hypothetical', 'Supposing the infusion has to be stopped for a reaction, can it be restarted?'),
    ('negated', 'No adverse reactions to report for the Fenrix patients.'),
    ('negated', 'She has had no problems at all with QL-88.'),
    ('negated', 'There has been no hospitalisation or serious event.'),
    ('negated', 'I can confirm the patient is not pregnant.'),
    ('negated', 'No issues with the vials.'),
    ('other', 'He developed a rash on amoxicillin as a child.'),
    ('other', 'Her last treatment, a generic drug, gave her terrible headaches.'),
    ('other', 'In 2020 he was in intensive care with covid.'),
    ('other', 'She had a bad reaction to her flu vaccine.'),
    ('other', 'The current licensed treatment is causing nausea, so we want to switch to Marvoxa.'),
    ('disease', "The patient has been hospitalised twice this year for her lupus; we'd like to apply for QL-88."),
    ('disease', 'His condition is worsening, he now needs oxygen at home. Can we get Fenrix?'),
    ('disease', 'She passed away from her illness last week; please cancel the request.'),
    ('disease', 'The tumour is bleeding and she needs transfusions. We are waiting for your drug.'),
    ('disease', 'His heart failure is getting worse and he is in hospital again.'),
    ('other', 'My aunt died in a car accident last year.'),
    ('other', "I've been a nurse for 20 years and never seen anything like this disease."),
    ('other', 'The patient lives in Vienna.'),
    ('other', 'Can a pharmacist request Marvoxa?'),
    ('other', 'We have a patient on Fenrix and need more supply for next month.'),
    ('other', 'Is the emergency route available in Italy?'),
    ('other', "I'm scared of side effects, I haven't started yet."),
    ('other', 'thanks so much, bye'),
    ('question', 'Is a cough a side effect of KT-220?'),
    ('question', 'Can Obrexa make you feel tired?'),
    ('question', 'What is the rate of liver problems with this drug?'),
    ('question', 'Are hot flushes common with the implant?'),
    ('hypothetical', 'If he gets diarrhoea, should he keep taking the capsules?'),
    ('hypothetical', 'What if the vial is cracked when it arrives?'),
    ('negated', 'No cough, no fever, all fine on KT-220.'),
    ('negated', "He hasn't noticed any change in his mood since starting."),
    ('negated', 'She has had no headaches since starting the Obrexa, which is great.'),
    ('other', 'He gets terrible headaches from his blood pressure tablets.'),
    ('other', 'She had chemo-induced neuropathy from paclitaxel.'),
    ('disease', 'His mood is low because of the diagnosis.'),
    ('disease', 'She is exhausted from the cancer.'),
    ('other', 'The patient is a 12-year-old boy with Duchenne.'),
    ('other', 'Please call me back, my number is 0612345678.'),
    ('other', 'Do you ship the device to Canada?'),
    ('question', 'ok, is weight gain common with your drug'),
    ('other', 'Il medico ci ha lasciato un modulo per il programma di accesso.'),
    ('other', 'Mi ha lasciato un messaggio sul programma di accesso.'),
    ('other', 'Das Kind ist nach der Infusion eingeschlafen, alles ruhig.'),
    ('other', 'This paperwork is killing me, where do I send the form?'),
    ('other', "Le dossier d'Orléans est complet, le patient n'a eu aucune réaction."),
]

# Categories whose name in a finding is not decided by one word: an overdose
# that led to a stay in hospital is reported as a hospitalisation (more
# serious first), an interaction as a reaction.
SAME_CATEGORY = {"death", "life_threatening", "pregnancy", "breastfeeding", "special_situation"}


@pytest.mark.parametrize("category, text", REPORTS, ids=[t[:40] for _, t in REPORTS])
def test_a_report_of_harm_is_found(category, text):
    finding = detect(text)
    assert finding is not None, screen(text)
    assert finding.category in CATEGORIES
    if category in SAME_CATEGORY:
        assert finding.category == category, finding


@pytest.mark.parametrize("kind, text", NON_REPORTS, ids=[t[:40] for _, t in NON_REPORTS])
def test_a_message_that_reports_no_harm_is_left_alone(kind, text):
    assert detect(text) is None, screen(text)


def test_deaths_and_life_threatening_events_are_serious_and_name_their_evidence():
    finding = detect("Our patient on ZX-301 from your programme died last night.")
    assert finding == Finding("death", True, finding.evidence)
    assert "died" in finding.evidence and "ZX-301" in finding.evidence
    finding = detect("He was intubated after the second infusion of your drug.")
    assert finding.category == "life_threatening" and finding.serious


@pytest.mark.parametrize("text", [
    "She died last week while on treatment.",
    "He passed away a month after starting the tablets.",
    "My father died; he had been taking it since January.",
    "Patient deceased after the first infusion.",
])
def test_a_death_with_only_the_time_on_a_product_is_found(text):
    assert detect(text).category == "death"


@pytest.mark.parametrize("text, expected", [
    ("No side effects so far on the capsules.", None),
    ("Nothing happened after the dose.", None),
    ("He has not had any nausea since starting the tablets.", None),
    ("No fever, but she has a rash since starting the tablets.", "reaction"),
    ("No rash yet, though she has been vomiting since the first dose of ZX-301.", "reaction"),
    ("He couldn't breathe after the injection of ZX-301.", "life_threatening"),
    ("She didn't make it; she was on your drug.", "death"),
])
def test_negation_covers_only_its_own_words(text, expected):
    finding = detect(text)
    assert (finding.category if finding else None) == expected, screen(text)


def test_a_harm_with_another_companys_product_is_not_ours_but_an_interaction_is():
    assert detect("She had a rash on methotrexate last year.") is None
    assert detect("He had hepatitis on isoniazid.") is None
    assert detect("His INR went up to 8 after starting your ZX-301 with warfarin.") is not None


def test_an_unknown_molecule_may_be_ours_and_a_known_one_of_another_company_is_not():
    # The company's own molecules end as others' do (-mab, -nib): a harm on an
    # unknown one is passed on; marketed molecules are named in the lexicon.
    assert detect("Grade 4 thrombocytopenia on Velozanib, platelets 8.") is not None
    assert detect("Severe colitis after the second dose of Tarvolimab.") is not None
    assert detect("He had severe hand-foot syndrome on sorafenib last year; now we would like your product.") is None
    assert detect("Colitis on ipilimumab two years ago, which is why we are asking for your drug.") is None


def test_reports_in_other_languages_are_read():
    assert detect("Die Spritzen von Tarvolimab waren bei Lieferung gesprungen.") is not None
    assert detect("Ha scoperto di essere incinta mentre prendeva le compresse del programma.") is not None
    assert detect("La pompa ha smesso di funzionare ieri sera.") is not None
    assert detect("Si la patiente tombe enceinte pendant le traitement, que faut-il faire ?") is None


def test_a_product_is_recognised_by_its_code_or_by_an_unknown_name_in_place_of_a_product():
    assert detect("Rash since starting QX-114.") is not None
    assert detect("Terrible headaches since the Brolvexa.") is not None
    assert detect("Terrible headaches since the weekend.") is None


def test_spelling_mistakes_of_harm_words_are_read():
    assert detect("my patient had anaphylaxsis after the first dose of ZX-301") is not None
    assert detect("she was hospitalsed after starting your medecine") is not None
    assert detect("i am pregnent and i am taking your tablets") is not None


def test_why_harm_words_were_set_aside_is_told():
    assert screen("No side effects so far on ZX-301.").dismissed == ("negated",)
    assert screen("If she gets a rash, should she stop ZX-301?").dismissed == ("hypothetical",)
    assert screen("She had a rash on methotrexate last year.").explicitly_not_a_report
    assert not screen("My husband got a rash yesterday.").explicitly_not_a_report  # no product: no verdict
    assert screen("Labs normal, no toxicity on ZX-301.").reassured


def test_button_payloads_and_empty_messages_are_not_read():
    assert screen("/report_adverse_event").finding is None
    assert screen("   ").finding is None


@pytest.mark.parametrize("text", [
    "hello. my wife passed away. she was in your compassionate program for the capsules. I want someone to look at this",
    "the last patient we gave it to died of a pulmonary embolism in week 3. Has that been seen before?",
    "He slipped away on Saturday, only 4 days after the new capsules from your programme were started.",
    "Thank you for your help with the application earlier. Sadly he died of a brain haemorrhage 12 days into treatment.",
    "my dad pased away last nite, he had his firts dose on friday",
    "Mi padre murió ayer. He was taking your tablets from the programme.",
    "Patient sous votre produit en accès compassionnel, décédé hier soir.",
    "My mother die three days ago. She take the medicine from your programme.",
    "Yes, she had it for two months, right up until she died last week.",
    "He lost his battle on Monday; he had been on your capsules since the summer.",
    "she is not with us anymore, she was on the purple pills from your programme",
    "Took his tablet from your supply in the evening and he never woke up.",
    "My uncle, who got the same drug from you last year, died while he was on it.",
    "Patient DOA in the ED this morning, he had been taking your tablets for a month.",
    "Intra-operative cardiac arrest, unsuccessful resuscitation; his only new drug was your anticoagulant.",
    "We laid my father to rest today. The capsules from your trial made him so ill at the end.",
    # clinical Latin and shorthand, other languages, widowhood
    "Exitus on day 20 of QX-220, family informed.",
    "Pt dcd hier soir, il était sous votre traitement depuis un mois.",
    "Mi madre falleció el lunes; recibía su medicamento por uso compasivo.",
    "Mon père nous a quittés cette nuit, il prenait votre médicament.",
    "I'm now a widow. My husband was on your tablets from the programme until the end.",
    "Exitus letalis drei Tage nach Therapiebeginn mit Ihrem Präparat.",
    # a negation near the exposure is no proof the patient never got it
    "She's gone. The infusions did nothing and after the last one she never got out of bed again.",
    "He died on the ward; his pressure fell to almost nothing during the ZX-301 drip.",
])
def test_a_death_tied_to_a_product_or_the_programme_at_all_is_passed_on(text):
    # Issue 11: a death is the most serious report; a request or an
    # attribution in the same message never sets it aside.
    finding = detect(text)
    assert finding is not None and finding.category == "death"


def test_a_death_on_another_companys_product_is_not_ours():
    assert detect("my brother died from a reaction to a different chemo, so the whole family is scared now") is None


@pytest.mark.parametrize("text", [
    "He passed away from his lymphoma on Monday. He was on the ZX-1 tablets.",
    "She died of her cancer last week; she had been on your capsules since June.",
])
def test_a_death_put_down_to_the_disease_of_a_patient_on_our_product_is_passed_on(text):
    # Causality is pharmacovigilance's to assess: a death of an exposed patient is reported.
    finding = detect(text)
    assert finding is not None and finding.category == "death"


@pytest.mark.parametrize("text", [
    "the disease is fatal and your drug DMG-1 is not licensed in the UK",
    "She has a fatal disease and your drug ZX-1 is her last hope.",
    "He received CHX-3 in a trial in 2020; the disease is life-threatening now.",
    "Her lung disease is getting worse fast, could she have FBX-3?",
    "Sadly the patient died of his cancer before receiving any dose - please close the request.",
    "Cardiac arrest from his cardiomyopathy last night, he is on ECMO; he had not yet received any of your product.",
])
def test_how_grave_the_disease_is_reports_no_harm(text):
    # Access requests describe the disease's gravity ("life-threatening" is a
    # programme criterion): that is no event, with or without our product named.
    assert detect(text) is None


def test_the_disease_worsening_after_our_product_is_still_a_report():
    assert detect("Her condition became life-threatening after the second dose of ZX-1.") is not None
    assert detect("Off-label: AVX-220 used for lupus nephritis, patient developed PML-like lesions.") is not None


@pytest.mark.parametrize("text, found", [
    ("Diarrhoea three times a day since initiation of OTX-9.", True),  # one-digit product code
    ("She had a reaction to a PD-1 inhibitor last year.", False),  # a target, not our product
])
def test_short_product_codes_are_products_and_targets_are_not(text, found):
    assert (detect(text) is not None) == found


@pytest.mark.parametrize("text, category", [
    # a name with a molecule's ending is ours when the sentence ties it to our programme
    ("Décès de ma patiente sous Nexalumab (accès compassionnel) le 3 juin.", "death"),
    ("the tablets (Qorvanib, early access) give me a metallic taste and i cant eat much", "reaction"),
    # ... and wherever it comes back in the same message
    ("Hi, asking for resupply of Nexalumab for bed 4. Also bed 7 - the lady who was on Nexalumab too - died over "
     "the weekend, so please cancel her order.", "death"),
    # Portuguese and Italian deaths and life-threatening events ("no vosso" is "in your")
    ("A doente que estava com Pemtravir no vosso acesso precoce morreu na UCI ontem.", "death"),
    ("O meu pai morreu. Tomava o HLX-903 que vocês mandaram pelo programa compassivo.", "death"),
    ("Arresto cardiaco in paziente trattato con Arvelimab (uso nominale), rianimato, ora in terapia intensiva.",
     "life_threatening"),
    # a relative clause is no question
    ("I am writing on behalf of my late husband, who was treated with Brenacitide under your compassionate use "
     "programme and died in October.", "death"),
    # a US single-patient IND is the company's product; "expired" of a patient is a death
    ("Patient expired overnight. She was receiving Lorvatinib under a single-patient IND.", "death"),
    # French "est parti" followed by when, and "votre laboratoire" / "votre traitement" as the tie
    ("Ma mère est partie cette nuit. Elle prenait le traitement de votre laboratoire depuis mars.", "death"),
    # a question opening the sentence does not cover a later clause that tells, without a question mark
    ("Could you cancel the next shipment of the capsules, my father died on Friday.", "death"),
    ("Patient on your early access antibody: demise on 3/5, cause unknown.", "death"),
    # euphemisms, a bereavement, "is gone", a passing; "cause not yet known" is no "not yet treated"
    ("Grandma went home to the Lord last night; she had been on your tablets since spring.", "death"),
    ("A bereavement to report: the lady on your compassionate-use infusion, bed 12.", "death"),
    ("my wife is gone. she was three weeks into your new capsules.", "death"),
    ("Since my father's passing I keep finding boxes of your programme medicine at his flat.", "death"),
    ("He was on your unlicensed drug under named-patient supply and died on the ward. Cause not yet known.", "death"),
    ("The implant you supplied failed and she died before they could replace it.", "death"),
    ("Patientin unter ZK-12 (Ihr Härtefallprogramm) mit lebensbedrohlicher Blutung.", "life_threatening"),
])
def test_reports_tied_to_the_programme_in_other_words_and_languages(text, category):
    finding = screen(text).finding
    assert finding is not None and finding.category == category


@pytest.mark.parametrize("text", [
    "He had pembrolizumab last year and died of pneumonitis.",  # another company's molecule, no tie to us
    "Which patients died in the trial?",
    "Can you tell me, did anyone die on the capsules in the study?",
])
def test_other_molecules_and_real_questions_stay_set_aside(text):
    assert screen(text).finding is None


@pytest.mark.parametrize("text", [
    # "est parti" to a place is a journey
    "Il est parti à Marseille chez sa fille ; il prend toujours votre traitement.",
    # "never received it" said in French, Spanish, German, Italian or Portuguese
    "Elle est hospitalisée, sa maladie s'aggrave. Elle n'a jamais reçu votre médicament.",
    "Está ingresado por su enfermedad y nunca recibió su medicamento.",
    "Er liegt wegen seiner Krankheit im Krankenhaus und hat Ihr Medikament nie erhalten.",
    "È ricoverato per la malattia, non ha mai ricevuto il vostro farmaco.",
    "Está internado por causa da doença e nunca recebeu o vosso medicamento.",
    # ... and in English, beside the phrasings that are no longer "never got it"
    "She died of her illness before we could get the drug from your programme.",
    "He has not yet started your drug; he was admitted with pneumonia from his disease.",
])
def test_a_journey_and_never_receiving_the_product_are_no_report(text):
    assert screen(text).finding is None


@pytest.mark.parametrize("text", [
    "My patient had a severe rash on Keytruda; he's not on any of your products.",
    "He was intubated after a reaction to Zosyn in ICU - the hospital's antibiotic, not yours.",
])
def test_harm_with_another_companys_brand_is_not_ours(text):
    assert screen(text).finding is None


def test_a_report_about_our_product_beside_another_brand_is_still_found():
    finding = screen("She stopped Keytruda in March and started your capsules; last night she died in her sleep.").finding
    assert finding is not None and finding.category == "death"


@pytest.mark.parametrize("text", [
    "Aucune réaction après la deuxième perfusion de votre produit.",
    "Keinerlei Nebenwirkungen unter Ihrem Präparat bisher.",
    "Sin reacción alguna tras la primera dosis de su medicamento.",
    "Nessuna reazione con il vostro farmaco finora.",
    "Geen bijwerkingen van uw middel tot nu toe.",
    "Que faire si elle fait une réaction à votre produit ?",
    "Falls er eine allergische Reaktion auf Ihr Präparat bekommt, was dann?",
])
def test_negations_and_suppositions_in_other_languages_report_nothing(text):
    assert detect(text) is None


@pytest.mark.parametrize("text", [
    "Le 12 mai, il est décédé ; il recevait votre traitement.",
    "Sans prévenir, elle a fait un choc anaphylactique sous votre produit.",
    "Aucun doute : il a fait une réaction grave à votre médicament.",
])
def test_a_month_or_a_word_before_the_harm_is_no_negation(text):
    assert detect(text) is not None


@pytest.mark.parametrize("text", [
    "He spent a week in ICU after a reaction to contrast dye. Nothing to do with your drug: he has never had it.",
    "Mon fils a fait une réaction grave au vaccin quand il était petit. Rien à voir avec votre médicament.",
    "A patient of mine bled to death on warfarin. Not your product - I'm asking about your reversal agent.",
])
def test_a_harm_the_writer_disowns_for_our_product_is_no_report(text):
    assert detect(text) is None


@pytest.mark.parametrize("text", [
    "She died on Sunday. Not from your drug I think, but she was taking it.",
    "He died last week, he was on your capsules. Probably not your drug.",
])
def test_a_death_on_our_product_is_passed_on_though_the_writer_doubts_the_link(text):
    finding = detect(text)
    assert finding is not None and finding.category == "death"


@pytest.mark.parametrize("text", [
    # the death came before the product could be given
    "Mon père est décédé de son lymphome avant d'avoir pu recevoir la première perfusion.",
    "Er ist an seinem Tumor gestorben, bevor die Behandlung starten konnte.",
    "Falleció por su enfermedad antes de poder recibir el medicamento.",
    "La paziente è morta per la sua malattia prima di poter ricevere il farmaco.",
    "She was too unwell to start the infusions and died of her cancer at home.",
    "He died of his heart failure before the first dose could be given; please close the request.",
    # development set 22's false alarms, in other words
    "He died of his underlying disease before first infusion; please close request NP-1044.",
    "Mijn vader is overleden terwijl we nog op goedkeuring wachtten.",
    "Hun døde av sykdommen sin før behandlingen kunne starte.",
    "Sie ist an ihrer Krankheit gestorben, bevor das Paket mit ZX-310 eintraf.",
])
def test_a_death_before_the_product_could_be_given_is_no_report(text):
    assert detect(text) is None


@pytest.mark.parametrize("text", [
    # well before it, so it was started
    "My wife was fine before starting your capsules and she died last night.",
    "Mon frère allait bien avant de commencer votre traitement, il est décédé dimanche.",
    "Sie war gesund, bevor sie Ihr Präparat bekommen hat, und jetzt ist sie tot.",
    "Estaba perfectamente bien antes de empezar sus comprimidos y ha fallecido.",
    "Mia madre stava bene prima di iniziare il vostro farmaco, è morta ieri.",
    # "well before first dose", with or without the article (it was set aside)
    "She was well before first dose of ZX-310 and died two days after it.",
    "He was well before the first infusion of ZX-310 and died that night.",
])
def test_a_death_after_being_well_before_the_product_is_a_report(text):
    finding = detect(text)
    assert finding is not None and finding.category == "death"


@pytest.mark.parametrize("text", [
    # another company's or an earlier product, and ours only wished for
    "Toxic epidermal necrolysis on lamotrigine in 2020. We would like to apply for your programme now.",
    "Anaphylactic shock on a competitor's antibody two years ago; now requesting ZX-778 through early access.",
    "Il a fait un choc anaphylactique au traitement précédent d'un autre laboratoire, nous demandons le vôtre.",
    "She had a pulmonary embolism on a different sponsor's study drug; could she get yours?",
])
def test_grave_harm_from_another_product_with_ours_only_requested_is_no_report(text):
    assert detect(text) is None


@pytest.mark.parametrize("text", [
    "Were any deaths reported in the phase 2 study of ZX-901? We are weighing the risks.",
    "How many deaths have been reported with your antibody in the trials so far?",
    "We kept an eye out for infusion reactions after the first dose and there were none.",
    "They warned us about rash and fever on the capsules; neither happened.",
])
def test_questions_about_the_trials_and_harms_that_did_not_happen_report_nothing(text):
    assert detect(text) is None


def test_a_wish_to_report_a_death_is_still_a_report():
    finding = detect("How can I report a death? Our patient on ZX-901 died on Monday.")
    assert finding is not None and finding.category == "death"


# Safety sets 21's and 22's misses (read in the twenty-second session), in
# other words: the category each must be reported as.
@pytest.mark.parametrize("text,category", [
    # set 21: "we lost him/her" in Danish, Norwegian and Swedish, with the trial medicine or "your"
    ("Vi mistede hende i nat. Hun var i behandling med jeres forsøgsmedicin ZX-310.", "death"),
    ("Vi mistet ham på søndag, tre uker etter at han begynte på forsøksmedisinen.", "death"),
    ("Vi förlorade henne i förrgår, hon fick ert försöksläkemedel ZX-310 i fyra veckor.", "death"),
    # a German form's reason for discontinuation
    ("Abbruchgrund: Tod der Patientin am 9. Behandlungstag mit ZX-310.", "death"),
    ("Therapieabbruch wegen Tod des Patienten, ZX-310 seit drei Wochen.", "death"),
    # hearing lost after the drug (Polish), pregnant while taking it (Portuguese)
    ("Po leku ZX-310 córka straciła słuch na lewe ucho.", "reaction"),
    ("Ela engravidou enquanto tomava o ZX-310 do programa.", "pregnancy"),
    # packaging defects in Dutch and Polish
    ("Het etiket op de doos van ZX-310 is onleesbaar.", "quality_complaint"),
    ("Bij de levering van ZX-310 ontbreekt het lotnummer op elk flesje.", "quality_complaint"),
    ("Dwie fiolki ZX-310 były rozbite po dostawie.", "quality_complaint"),
    # set 22: the Swedish deceased, under the named-patient licence
    ("Patienten avled i går, två veckor efter första dosen ZX-310.", "death"),
    ("Vår patient är avliden; hon fick ZX-310 på licensförskrivning.", "death"),
    # a Polish child who swallowed a tablet
    ("Wnuczka połknęła tabletkę ZX-310 z szafki.", "special_situation"),
    # a cracked vial (Polish), a pen that leaks (Swedish), a battery that drains (Italian)
    ("Jedna fiolka ZX-310 była pęknięta w kartonie.", "quality_complaint"),
    ("Pennan med ZX-310 läcker efter varje injektion.", "quality_complaint"),
    ("La pompa ZX-310 si scarica in poche ore.", "quality_complaint"),
    # no response (German)
    ("Unter ZX-310 seit drei Monaten kein Ansprechen.", "lack_of_effect"),
])
def test_safety_sets_21_and_22s_misses_in_other_words_are_reports(text, category):
    finding = detect(text)
    assert finding is not None and finding.category == category, screen(text)


@pytest.mark.parametrize("text", [
    # the same words with no harm, or no product of ours
    "Vi mistede hende næsten af syne i menneskemængden, men hun er fin.",
    "Het etiket is goed leesbaar, dank u.",
    "Abbruchgrund: Wunsch des Patienten, keine Nebenwirkungen.",
    "Der Tumor wächst trotz Bestrahlung weiter; Ihr Präparat hat er noch nicht bekommen.",
    "Hon är inte avliden, hon mår bättre, tack.",
])
def test_their_words_without_a_harm_of_ours_report_nothing(text):
    assert detect(text) is None
